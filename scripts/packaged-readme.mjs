// The README as the .vsix carries it. VS Code shows an extension's page in a webview whose
// content security policy loads images only from https: and data: URLs, and resolves no
// relative link: so each image (docs/images/*.png) is written into the page as a data: URL,
// each link to a rule's page opens it in VS Code (command:mtusLint.openRuleDocs), anchors
// stay, and other links into the repository become plain text. The source README is unchanged.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const TYPES = { png: 'image/png', jpg: 'image/jpeg', jpeg: 'image/jpeg', gif: 'image/gif' };

export function packagedReadme(root, markdown = readFileSync(join(root, 'README.md'), 'utf8')) {
  const images = markdown.replace(/!\[([^\]]*)\]\(([^)\s]+)\)/g, (whole, alt, src) => {
    if (/^(https?|data):/i.test(src)) return whole;
    const ext = src.split('.').pop().toLowerCase();
    const type = TYPES[ext];
    if (!type) throw new Error(`README image ${src}: only PNG, JPEG or GIF can be shown on the extension page`);
    return `![${alt}](data:${type};base64,${readFileSync(join(root, src)).toString('base64')})`;
  });
  return images.replace(/(?<!!)\[([^\]]+)\]\(([^)\s]+)\)/g, (whole, text, href) => {
    if (/^(https?|command|mailto):|^#/i.test(href)) return whole;
    const rule = /^docs\/rules\/([a-z0-9-]+)\.md$/.exec(href);
    if (rule) return `[${text}](command:mtusLint.openRuleDocs?${encodeURIComponent(JSON.stringify([rule[1]]))})`;
    return text;
  });
}
