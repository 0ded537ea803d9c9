import { createRoot } from 'react-dom/client';
import { GraphiQL } from 'graphiql';
import { createGraphiQLFetcher } from '@graphiql/toolkit';
import 'graphiql/graphiql.css';
import './accessibility.css';
import { repairAccessibility } from './accessibility.js';

// The page tells where the API is; requests carry the signed-in user's cookie (same origin).
const root = document.getElementById('graphiql');
const fetcher = createGraphiQLFetcher({
  url: root.dataset.endpoint,
  fetch: (input, init) => fetch(input, { ...init, credentials: 'same-origin' }),
});

const defaultQuery = `# Newest published articles with their section and authors.
{
  article(first: 5, orderBy: { publishedUtc: DESC }) {
    displayText
    publishedUtc
    readingMinutes
    section { contentItems { displayText } }
    authors { contentItems { ... on Author { displayText } } }
  }
}
`;

createRoot(root).render(<GraphiQL fetcher={fetcher} defaultQuery={defaultQuery} />);
repairAccessibility(root);
