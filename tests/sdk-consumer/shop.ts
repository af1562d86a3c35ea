// A tiny React shop, bundled by esbuild from the installed tarball: an infinite product list
// (TanStack Query over nextCursor) and a checkout mutation (tests/sdk-package.test.ts).
import { createElement as h } from 'react';
import { createRoot } from 'react-dom/client';
import {
  QueryClient,
  QueryClientProvider,
  useInfiniteQuery,
  useMutation,
} from '@tanstack/react-query';
import { createApiClient } from '@contract-first-monolith/sdk';
import { createQueryOptions } from '@contract-first-monolith/sdk/react-query';

type Queries = ReturnType<typeof createQueryOptions>;

function Shop({ q, queries }: { q: string; queries: Queries }) {
  const list = useInfiniteQuery(
    queries.infiniteQueryOptions('listProducts', {
      params: { query: { q, limit: 2, sort: 'name' } },
    }),
  );
  const order = useMutation(queries.mutationOptions('createOrder'));
  const products = list.data?.pages.flatMap((page) => page.data) ?? [];
  const first = products[0];
  return h(
    'main',
    null,
    h('ul', { id: 'products' }, ...products.map((p) => h('li', { key: p.id }, p.name))),
    list.hasNextPage
      ? h(
          'button',
          { id: 'more', disabled: list.isFetching, onClick: () => void list.fetchNextPage() },
          'More',
        )
      : list.isSuccess
        ? h('p', { id: 'end' }, 'All products shown')
        : null,
    first
      ? h(
          'button',
          {
            id: 'buy',
            onClick: () =>
              order.mutate({ body: { items: [{ productId: first.id, quantity: 1 }] } }),
          },
          `Buy ${first.name}`,
        )
      : null,
    order.data
      ? h(
          'p',
          { id: 'placed', 'data-order': order.data.data.id },
          `Order ${order.data.data.status}`,
        )
      : null,
    order.error ? h('p', { id: 'failed' }, String(order.error)) : null,
  );
}

declare global {
  interface Window {
    startShop(options: { baseUrl: string; accessToken: string; q: string }): void;
  }
}
window.startShop = ({ baseUrl, accessToken, q }) => {
  const queries = createQueryOptions(createApiClient({ baseUrl, tokens: { accessToken } }));
  const root = document.getElementById('root');
  if (!root) throw new Error('no #root');
  createRoot(root).render(
    h(QueryClientProvider, { client: new QueryClient() }, h(Shop, { q, queries })),
  );
};
