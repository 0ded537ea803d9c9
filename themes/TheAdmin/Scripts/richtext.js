// The admin's rich text editor for HTML bodies and HTML fields: Tiptap with headings, lists, quotes, links, images
// from the media library and embeds as plain links. Pasted HTML from Word or Google Docs is cleaned before Tiptap
// parses it; the server sanitizes whatever arrives anyway. Exposed as window.CmsRichText.create(host, options).
import { Editor } from '@tiptap/core';
import StarterKit from '@tiptap/starter-kit';
import Link from '@tiptap/extension-link';
import Image from '@tiptap/extension-image';

const SAFE_URL = /^(https?:\/\/|mailto:|\/(?!\/))/i;

/** Whether a URL may go into a link or image: http(s), mailto or a site path, as the server's rule. */
export function isSafeUrl(url) {
  return typeof url === 'string' && SAFE_URL.test(url.trim());
}

/** Cleans pasted HTML: Office and Google Docs wrappers, styles, classes and conditional comments go; bold and italic stay. */
export function cleanPastedHtml(html) {
  const doc = new DOMParser().parseFromString(html, 'text/html');
  doc.querySelectorAll('style, meta, link, script, title, xml, o\\:p').forEach((n) => n.remove());
  // Google Docs wraps the whole paste in <b style="font-weight:normal" id="docs-internal-guid-...">.
  doc.querySelectorAll('b[id^="docs-internal-guid"]').forEach((b) => b.replaceWith(...b.childNodes));
  // Word's list bullets and numbers are text in spans marked mso-list:Ignore.
  doc.querySelectorAll('[style*="mso-list:Ignore" i], [style*="mso-list: Ignore" i]').forEach((n) => n.remove());
  // Inline styles that carry meaning become tags before the styles are dropped.
  doc.querySelectorAll('span[style]').forEach((span) => {
    const style = span.getAttribute('style') || '';
    let node = span;
    if (/font-weight\s*:\s*(bold|[6-9]00)/i.test(style)) {
      const strong = doc.createElement('strong');
      strong.append(...node.childNodes);
      node.append(strong);
    }
    if (/font-style\s*:\s*italic/i.test(style)) {
      const em = doc.createElement('em');
      em.append(...node.childNodes);
      node.append(em);
    }
  });
  const walker = doc.createTreeWalker(doc.body, NodeFilter.SHOW_COMMENT);
  const comments = [];
  while (walker.nextNode()) comments.push(walker.currentNode);
  comments.forEach((c) => c.remove());
  doc.body.querySelectorAll('*').forEach((el) => {
    for (const attr of [...el.attributes]) {
      if (!['href', 'src', 'alt', 'title'].includes(attr.name)) el.removeAttribute(attr.name);
    }
    if (el.hasAttribute('href') && !isSafeUrl(el.getAttribute('href'))) el.removeAttribute('href');
    if (el.hasAttribute('src') && !isSafeUrl(el.getAttribute('src'))) el.remove();
  });
  return doc.body.innerHTML;
}

const BUTTONS = [
  { id: 'paragraph', label: 'Paragraph', icon: 'bi-paragraph', run: (e) => e.chain().focus().setParagraph().run(), active: (e) => e.isActive('paragraph') },
  { id: 'h2', label: 'Heading', icon: 'bi-type-h2', run: (e) => e.chain().focus().toggleHeading({ level: 2 }).run(), active: (e) => e.isActive('heading', { level: 2 }) },
  { id: 'h3', label: 'Subheading', icon: 'bi-type-h3', run: (e) => e.chain().focus().toggleHeading({ level: 3 }).run(), active: (e) => e.isActive('heading', { level: 3 }) },
  { id: 'bold', label: 'Bold', icon: 'bi-type-bold', run: (e) => e.chain().focus().toggleBold().run(), active: (e) => e.isActive('bold') },
  { id: 'italic', label: 'Italic', icon: 'bi-type-italic', run: (e) => e.chain().focus().toggleItalic().run(), active: (e) => e.isActive('italic') },
  { id: 'bullets', label: 'Bulleted list', icon: 'bi-list-ul', run: (e) => e.chain().focus().toggleBulletList().run(), active: (e) => e.isActive('bulletList') },
  { id: 'numbers', label: 'Numbered list', icon: 'bi-list-ol', run: (e) => e.chain().focus().toggleOrderedList().run(), active: (e) => e.isActive('orderedList') },
  { id: 'quote', label: 'Quote', icon: 'bi-quote', run: (e) => e.chain().focus().toggleBlockquote().run(), active: (e) => e.isActive('blockquote') },
  { id: 'link', label: 'Link', icon: 'bi-link-45deg', active: (e) => e.isActive('link') },
  { id: 'image', label: 'Image from the media library', icon: 'bi-image' },
  { id: 'embed', label: 'Embed (as a link)', icon: 'bi-box-arrow-up-right' },
  { id: 'undo', label: 'Undo', icon: 'bi-arrow-counterclockwise', run: (e) => e.chain().focus().undo().run() },
  { id: 'redo', label: 'Redo', icon: 'bi-arrow-clockwise', run: (e) => e.chain().focus().redo().run() },
];

/**
 * Mounts an editor in host. options: html, labelledBy (id of the label), describedBy, onUpdate(editor),
 * ask(title, fields) -> Promise<values|null> for link and embed, pickMedia() -> Promise<{url, alt}|null> for images.
 */
export function create(host, options) {
  const toolbar = document.createElement('div');
  toolbar.className = 'rte-toolbar btn-toolbar';
  toolbar.setAttribute('role', 'toolbar');
  toolbar.setAttribute('aria-label', 'Formatting');
  const surface = document.createElement('div');
  surface.className = 'rte-surface';
  host.replaceChildren(toolbar, surface);

  const editor = new Editor({
    element: surface,
    content: options.html || '',
    extensions: [
      StarterKit.configure({ heading: { levels: [2, 3, 4] }, link: false, underline: false, code: false, codeBlock: false }),
      Link.configure({
        openOnClick: false,
        autolink: true,
        protocols: ['http', 'https', 'mailto'],
        isAllowedUri: (url) => isSafeUrl(url),
        HTMLAttributes: { rel: 'noopener noreferrer', target: null },
      }),
      Image.configure({ inline: false, allowBase64: false }),
    ],
    editorProps: {
      attributes: {
        class: 'rte-content form-control',
        role: 'textbox',
        'aria-multiline': 'true',
        ...(options.labelledBy ? { 'aria-labelledby': options.labelledBy } : {}),
        ...(options.describedBy ? { 'aria-describedby': options.describedBy } : {}),
        ...(options.inputId ? { id: options.inputId } : {}),
      },
      transformPastedHTML: cleanPastedHtml,
    },
    onUpdate: () => options.onUpdate?.(api),
    onSelectionUpdate: () => refresh(),
    onTransaction: () => refresh(),
  });

  const buttons = BUTTONS.map((b) => {
    const button = document.createElement('button');
    button.type = 'button';
    button.className = 'btn btn-sm btn-outline-secondary';
    button.dataset.action = b.id;
    button.title = b.label;
    button.setAttribute('aria-label', b.label);
    if (b.active) button.setAttribute('aria-pressed', 'false');
    button.innerHTML = `<i class="bi ${b.icon}" aria-hidden="true"></i>`;
    button.addEventListener('click', () => act(b));
    toolbar.append(button);
    return { def: b, button };
  });

  function refresh() {
    for (const { def, button } of buttons) {
      if (def.active) button.setAttribute('aria-pressed', String(!!def.active(editor)));
    }
  }

  async function act(b) {
    if (b.run) { b.run(editor); return; }
    if (b.id === 'link') {
      const current = editor.getAttributes('link').href || '';
      const values = await options.ask?.('Link', [{ name: 'url', label: 'Address (https://…)', value: current, type: 'url' }]);
      if (!values) return;
      const url = (values.url || '').trim();
      if (!url) { editor.chain().focus().extendMarkRange('link').unsetLink().run(); return; }
      if (!isSafeUrl(url)) { options.onError?.('A link must start with http://, https://, mailto: or /.'); return; }
      if (editor.state.selection.empty && !editor.isActive('link')) {
        editor.chain().focus().insertContent({ type: 'text', text: url, marks: [{ type: 'link', attrs: { href: url } }] }).run();
      } else {
        editor.chain().focus().extendMarkRange('link').setLink({ href: url }).run();
      }
    } else if (b.id === 'embed') {
      const values = await options.ask?.('Embed', [{ name: 'url', label: 'Address of the video, post or map (https://…)', type: 'url' }]);
      const url = (values?.url || '').trim();
      if (!url) return;
      if (!/^https?:\/\//i.test(url)) { options.onError?.('An embed must be an http:// or https:// address.'); return; }
      // Embeds are kept as plain links in their own paragraph: no third-party script or frame enters the body.
      editor.chain().focus().insertContent({ type: 'paragraph', attrs: {}, content: [{ type: 'text', text: url, marks: [{ type: 'link', attrs: { href: url } }] }] }).run();
    } else if (b.id === 'image') {
      const picked = await options.pickMedia?.();
      if (!picked) return;
      editor.chain().focus().setImage({ src: picked.url, alt: picked.alt || '' }).run();
    }
  }

  const api = {
    editor,
    getHTML: () => (editor.isEmpty ? '' : editor.getHTML()),
    setHTML: (html) => editor.commands.setContent(html || '', { emitUpdate: false }),
    getText: () => editor.getText(),
    focus: () => editor.commands.focus(),
  };
  refresh();
  return api;
}

window.CmsRichText = { create, cleanPastedHtml, isSafeUrl };
