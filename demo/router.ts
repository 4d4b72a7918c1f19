import type { IncomingMessage, ServerResponse } from 'node:http';

/** What a route handler gets: the request, the response, path parameters and the query string. */
export interface RouteContext {
  req: IncomingMessage;
  res: ServerResponse;
  params: Record<string, string>;
  query: URLSearchParams;
  path: string;
}

export type RouteHandler = (context: RouteContext) => Promise<void> | void;

interface Route {
  methods: readonly string[];
  pattern: RegExp;
  handler: RouteHandler;
}

/** The outcome of matching: a handler to run, a path served under other methods (405), or nothing (404). */
export type RouteMatch =
  | { found: 'handler'; handler: RouteHandler; params: Record<string, string> }
  | { found: 'wrong-method'; allow: string[] }
  | { found: 'none' };

/** Turns `/api/:workspace/x` into a regular expression; parameters are URL-safe slugs not starting with `_`. */
function compile(template: string): RegExp {
  const source = template
    .split('/')
    .map((segment) =>
      segment.startsWith(':')
        ? `(?<${segment.slice(1)}>[A-Za-z0-9][A-Za-z0-9._~-]*)`
        : segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'),
    )
    .join('/');
  return new RegExp(`^${source}/?$`);
}

/** A tiny method + path router, so the route table in server.ts reads like documentation. */
export function createRouter() {
  const routes: Route[] = [];
  return {
    add(methods: readonly string[], template: string, handler: RouteHandler): void {
      routes.push({ methods, pattern: compile(template), handler });
    },
    match(method: string, path: string): RouteMatch {
      const allow: string[] = [];
      for (const route of routes) {
        const found = route.pattern.exec(path);
        if (!found) continue;
        if (route.methods.includes(method))
          return { found: 'handler', handler: route.handler, params: { ...found.groups } };
        allow.push(...route.methods);
      }
      return allow.length > 0 ? { found: 'wrong-method', allow } : { found: 'none' };
    },
  };
}
