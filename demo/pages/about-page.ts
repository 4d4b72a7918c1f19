import { PRODUCT_NAME } from './layout';

/** A plain page of the same site that is not a settings page (no forms, no saves). */
export function renderAboutPage(): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>About · ${PRODUCT_NAME}</title>
<link rel="stylesheet" href="/assets/dashboard.css">
</head>
<body>
<main class="about">
  <h1>About ${PRODUCT_NAME}</h1>
  <p>${PRODUCT_NAME} runs the support bots of small teams. This page has no settings on it.</p>
  <p><a href="/acme/settings">Go to the Acme workspace settings</a></p>
</main>
</body>
</html>`;
}
