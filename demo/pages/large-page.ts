import { escapeHtml } from './html';
import { renderLayout } from './layout';

/** Articles on the large page and characters in each: 55 × 95,000 ≈ 5.2 MB of settings. */
export const LARGE_PAGE = { articles: 55, charsPerArticle: 95_000 } as const;

/** The text of one article: plain sentences (what a knowledge base holds), the same on every render. */
export function largeArticle(index: number): string {
  const sentence = `Article ${index + 1}: when a customer asks about refunds, the bot answers politely and links the policy. `;
  return sentence
    .repeat(Math.ceil(LARGE_PAGE.charsPerArticle / sentence.length))
    .slice(0, LARGE_PAGE.charsPerArticle);
}

/** A settings section too big for one Convex document: the bot's knowledge base, captured with "Capture now". */
export function renderLargePage(workspace: string): string {
  const fields = Array.from({ length: LARGE_PAGE.articles }, (_, i) => {
    const id = `kb-article-${i + 1}`;
    return `<div class="field"><label for="${id}">Article ${i + 1}</label><textarea id="${id}" name="article${i + 1}" rows="2">${escapeHtml(largeArticle(i))}</textarea></div>`;
  }).join('\n');
  const body = `<form class="card" id="knowledge-base" aria-labelledby="knowledge-base-title">
  <div class="card-header"><h2 id="knowledge-base-title">Knowledge base</h2><p>${LARGE_PAGE.articles} articles the bot answers from.</p></div>
  <div class="card-body">
${fields}
  </div>
</form>`;
  return renderLayout({
    workspace,
    active: 'lab/large',
    title: 'Large settings',
    lede: 'About 5 MB of settings in one section: more than one Convex document holds.',
    body,
  });
}
