// The forms lab: the "Save by script" button is not a submit button; it asks the form to submit itself.
const form = document.getElementById('form-request-submit');

document.getElementById('form-request-submit-save')?.addEventListener('click', () => {
  form?.requestSubmit();
});
