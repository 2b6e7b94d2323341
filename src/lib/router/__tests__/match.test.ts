// The pure parts of the router: which routes a pathname matches (and in what rank), how a `to`
// resolves against the current location, and how a path splits into its parts and back.
import fc from 'fast-check';
import { createPath, parsePath } from '../history';
import { createMatcher, type RouteObject } from '../match';
import { resolvePath } from '../router';

/** A route labelled by its element (a string is a ReactNode), so a match reads as a name. */
const r = (path: string | undefined, name: string, children?: RouteObject[]): RouteObject => ({
  path,
  element: name,
  children,
});

/** The names of the routes `pathname` matches, outermost first; null when none does. */
const namesOf = (routes: RouteObject[], pathname: string) =>
  createMatcher(routes)(pathname)?.map((m) => m.route.element) ?? null;

const paramsOf = (routes: RouteObject[], pathname: string) => {
  const matches = createMatcher(routes)(pathname);
  return matches ? matches[matches.length - 1]!.params : null;
};

describe('createMatcher', () => {
  describe('ranking', () => {
    it.each<[string, RouteObject[], string, string[] | null]>([
      [
        'a static segment over a param',
        [r('/a/:id', 'param'), r('/a/new', 'static')],
        '/a/new',
        ['static'],
      ],
      [
        'a param where the static one does not fit',
        [r('/a/:id', 'param'), r('/a/new', 'static')],
        '/a/7',
        ['param'],
      ],
      ['a param over a splat', [r('/a/*', 'splat'), r('/a/:id', 'param')], '/a/7', ['param']],
      [
        'a splat where the param does not fit',
        [r('/a/*', 'splat'), r('/a/:id', 'param')],
        '/a/7/8',
        ['splat'],
      ],
      ['a static route over a root splat', [r('*', 'any'), r('/a', 'a')], '/a', ['a']],
      ['a root splat for anything else', [r('*', 'any'), r('/a', 'a')], '/b/c', ['any']],
      ['more segments first', [r('/:a/*', 'one'), r('/:a/:b/*', 'two')], '/x/y/z', ['two']],
      [
        'more segments first, declared the other way',
        [r('/:a/:b/*', 'two'), r('/:a/*', 'one')],
        '/x/y/z',
        ['two'],
      ],
      [
        'the first declared on a tie',
        [r('/:a/b', 'first'), r('/a/:b', 'second')],
        '/a/b',
        ['first'],
      ],
      [
        'the first declared on a tie, swapped',
        [r('/a/:b', 'second'), r('/:a/b', 'first')],
        '/a/b',
        ['second'],
      ],
      [
        'a child static route over a sibling tree param',
        [r('/a/:id', 'param'), r(undefined, 'layout', [r('/a/new', 'static')])],
        '/a/new',
        ['layout', 'static'],
      ],
    ])('%s', (_, routes, pathname, expected) => {
      expect(namesOf(routes, pathname)).toEqual(expected);
    });
  });

  describe('route trees', () => {
    const layout = [r(undefined, 'layout', [r('/a', 'page')])];
    const nested = [r('/a', 'parent', [r('b', 'child'), r('/x/y', 'absolute')])];

    it.each<[string, RouteObject[], string, string[] | null]>([
      ['a pathless layout matches through its child', layout, '/a', ['layout', 'page']],
      ['a pathless layout never matches alone', layout, '/', null],
      ['a relative child is joined to the parent path', nested, '/a/b', ['parent', 'child']],
      ['a relative child alone does not match', nested, '/b', null],
      ['the parent matches without its children', nested, '/a', ['parent']],
      ['an absolute child keeps its own path', nested, '/x/y', ['parent', 'absolute']],
      ['an absolute child is not joined to the parent', nested, '/a/x/y', null],
      ['the root route matches "/"', [r('/', 'home')], '/', ['home']],
      ['the root route matches only "/"', [r('/', 'home')], '/a', null],
      ['a trailing slash in the pathname', [r('/a/b', 'ab')], '/a/b/', ['ab']],
      ['a trailing slash in the route path', [r('/a/b/', 'ab')], '/a/b', ['ab']],
      ['static segments ignore case', [r('/a/new', 'new')], '/A/NEW', ['new']],
      // What the browser gives as location.pathname for "/café".
      ['a static segment matches its encoded form', [r('/café', 'c')], '/caf%C3%A9', ['c']],
      ['no match', [r('/a', 'a')], '/b', null],
      ['a pathname longer than every route', [r('/a', 'a')], '/a/b', null],
      ['a pathname shorter than every route', [r('/a/:id', 'a')], '/a', null],
      ['no routes at all', [], '/', null],
    ])('%s', (_, routes, pathname, expected) => {
      expect(namesOf(routes, pathname)).toEqual(expected);
    });
  });

  describe('params', () => {
    const item = [r('/a/:id', 'item')];
    const files = [r('/files/*', 'files')];

    it.each<[string, RouteObject[], string, Record<string, string>]>([
      ['a param keeps its case', item, '/a/AbC', { id: 'AbC' }],
      ['a param is decoded', item, '/a/hello%20world', { id: 'hello world' }],
      ['a multi-byte escape is decoded', item, '/a/%E2%82%AC', { id: '€' }],
      ['an encoded slash stays within the param', item, '/a/x%2Fy', { id: 'x/y' }],
      ['a malformed escape is kept as written', item, '/a/%E0%A4%A', { id: '%E0%A4%A' }],
      ['a splat holds the rest, decoded', files, '/files/a/b%20c/d', { '*': 'a/b c/d' }],
      ['a splat may be empty', files, '/files', { '*': '' }],
      [
        'params and a splat together',
        [r('/u/:user/*', 'u')],
        '/u/ann/x/y',
        { user: 'ann', '*': 'x/y' },
      ],
    ])('%s', (_, routes, pathname, expected) => {
      expect(paramsOf(routes, pathname)).toEqual(expected);
    });

    it('does not throw on a malformed escape in a splat', () => {
      expect(paramsOf(files, '/files/ok/%E0%A4%A')).toEqual({ '*': 'ok/%E0%A4%A' });
    });

    it('gives every match in the chain the params of the whole chain', () => {
      const routes = [r('/org/:org', 'org', [r('users/:id', 'user')])];
      const matches = createMatcher(routes)('/org/acme/users/7');
      expect(matches?.map((m) => m.params)).toEqual([
        { org: 'acme', id: '7' },
        { org: 'acme', id: '7' },
      ]);
    });

    it('matches /a/:id against any encoded segment and gives back the decoded segment', () => {
      const match = createMatcher(item);
      fc.assert(
        fc.property(fc.string({ unit: 'grapheme', minLength: 1 }), (segment) => {
          const matches = match(`/a/${encodeURIComponent(segment)}`);
          expect(matches?.[0]?.params).toEqual({ id: segment });
        }),
      );
    });
  });
});

describe('resolvePath', () => {
  const from = { pathname: '/items/7', search: '?tab=notes' };

  it.each<[string, string, string]>([
    ['an absolute path as given', '/other?x=1#h', '/other?x=1#h'],
    ['"?search" on the current pathname', '?page=2', '/items/7?page=2'],
    ['"?" alone: the pathname only', '?', '/items/7'],
    ['"#hash" keeps the pathname and search', '#top', '/items/7?tab=notes#top'],
    ['a relative path below the current one', 'edit', '/items/7/edit'],
    ['a relative path with its own search', 'edit?step=2', '/items/7/edit?step=2'],
    ['"../x" goes one level up', '../x', '/items/x'],
    ['"../../x" goes two levels up', '../../x', '/x'],
    ['"" is the current pathname and search', '', '/items/7?tab=notes'],
  ])('%s', (_, to, expected) => {
    expect(resolvePath(to, from)).toBe(expected);
  });

  it('resolves relative to a pathname with a trailing slash as to the same one without', () => {
    expect(resolvePath('edit', { pathname: '/items/7/', search: '' })).toBe('/items/7/edit');
  });
});

describe('parsePath and createPath', () => {
  it.each<[string, { pathname: string; search: string; hash: string }]>([
    ['/a/b?c=1#d', { pathname: '/a/b', search: '?c=1', hash: '#d' }],
    ['/a', { pathname: '/a', search: '', hash: '' }],
    ['/a?c=1', { pathname: '/a', search: '?c=1', hash: '' }],
    ['/a#d', { pathname: '/a', search: '', hash: '#d' }],
    ['/', { pathname: '/', search: '', hash: '' }],
    ['/a%20b', { pathname: '/a%20b', search: '', hash: '' }],
  ])('parses %s', (path, expected) => {
    expect(parsePath(path)).toEqual(expected);
  });

  it('joins the parts back', () => {
    expect(createPath({ pathname: '/a/b', search: '?c=1', hash: '#d' })).toBe('/a/b?c=1#d');
    expect(createPath({ pathname: '/a', search: '', hash: '' })).toBe('/a');
  });

  it('round-trips any path of plain segments, search and hash', () => {
    const word = fc.stringMatching(/^[A-Za-z0-9_-]{1,8}$/);
    const path = fc
      .tuple(
        fc.array(word, { maxLength: 5 }),
        fc.option(fc.tuple(word, word), { nil: undefined }),
        fc.option(word, { nil: undefined }),
      )
      .map(
        ([segments, query, hash]) =>
          `/${segments.join('/')}${query ? `?${query[0]}=${query[1]}` : ''}${hash ? `#${hash}` : ''}`,
      );
    fc.assert(
      fc.property(path, (p) => {
        expect(createPath(parsePath(p))).toBe(p);
      }),
    );
  });
});
