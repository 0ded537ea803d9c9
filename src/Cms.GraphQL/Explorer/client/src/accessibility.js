// GraphiQL renders a few controls that assistive technology cannot name or reach. Each render is repaired
// here, after React has drawn it (a MutationObserver), without touching GraphiQL itself:
// - CodeMirror's hidden text areas get names (query, variables, headers, result);
// - the session tabs hold buttons inside an element with role "tab" (nested interactive controls): they become
//   a plain list whose current entry says so with aria-current;
// - panes that scroll get a tab stop and a name, so a keyboard can scroll them.

const editorNames = [
  ['.graphiql-query-editor', 'GraphQL query'],
  ['.graphiql-response', 'Result'],
];

function nameTextAreas(container) {
  for (const [selector, name] of editorNames) {
    for (const area of container.querySelectorAll(`${selector} textarea:not([aria-label])`)) {
      area.setAttribute('aria-label', name);
    }
  }

  // The variables and headers editors share one tool area; the button of each names it.
  for (const tool of container.querySelectorAll('.graphiql-editor-tool .graphiql-editor')) {
    const area = tool.querySelector('textarea');
    if (area && !area.hasAttribute('aria-label')) {
      const index = [...tool.parentElement.querySelectorAll(':scope > .graphiql-editor')].indexOf(tool);
      area.setAttribute('aria-label', index === 1 ? 'Request headers (JSON)' : 'Query variables (JSON)');
    }
  }
}

function flattenTabs(container) {
  for (const list of container.querySelectorAll('[role="tablist"]')) {
    list.removeAttribute('role');
    list.setAttribute('aria-label', 'Query tabs');
  }

  for (const tab of container.querySelectorAll('li[role="tab"]')) {
    tab.removeAttribute('role');
  }

  for (const tab of container.querySelectorAll('li[aria-selected]')) {
    const current = tab.getAttribute('aria-selected') === 'true';
    tab.removeAttribute('aria-selected');
    if (current) {
      tab.setAttribute('aria-current', 'true');
    } else {
      tab.removeAttribute('aria-current');
    }
  }

  const panel = container.querySelector('#graphiql-session[role="tabpanel"]');
  if (panel) {
    panel.removeAttribute('role');
    panel.removeAttribute('aria-labelledby');
  }
}

function focusableScrollPanes(container) {
  const panes = [
    ['.graphiql-query-editor .CodeMirror-scroll', 'GraphQL query'],
    ['.graphiql-editor-tool .CodeMirror-scroll', 'Query variables and headers'],
    ['.graphiql-response .CodeMirror-scroll', 'Result'],
    ['.graphiql-doc-explorer-content', 'Documentation'],
    ['.graphiql-history-items', 'History'],
  ];
  for (const [selector, name] of panes) {
    for (const pane of container.querySelectorAll(`${selector}:not([data-scroll-focus])`)) {
      pane.setAttribute('role', 'region');
      pane.setAttribute('aria-label', name);
      pane.setAttribute('tabindex', '0');
      pane.setAttribute('data-scroll-focus', '');
    }
  }
}

export function repairAccessibility(container) {
  let scheduled = false;
  const repair = () => {
    scheduled = false;
    nameTextAreas(container);
    flattenTabs(container);
    focusableScrollPanes(container);
  };

  new MutationObserver(() => {
    if (!scheduled) {
      scheduled = true;
      queueMicrotask(repair);
    }
  }).observe(container, { subtree: true, childList: true, attributes: true, attributeFilter: ['role', 'aria-selected'] });
  repair();
}
