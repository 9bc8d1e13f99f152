/**
 * What an `.mdx` file may not hold, because services write Markdown and Waymark's components,
 * nothing else: code that would run when the site is built (`import`, `export`, `{…}`), code that
 * would run in the reader's browser (`on…` attributes, `javascript:` addresses, `set:html`),
 * elements that send readers elsewhere (`<meta>`, `<base>`), and files loaded from another
 * website. `checkMdxBody` asks about every node before Astro compiles anything, so nothing in a
 * refused file ever runs.
 */
import type { MdastNode } from './mdx-check.ts';
import type { Problem } from './problems.ts';

/** What is wrong with one node, without the file and line (`checkMdxBody` adds them). */
export type Finding = Pick<Problem, 'problem' | 'fix'> & { field?: string };

/** Raw HTML that would run code, load another website inside the page, or send readers elsewhere. */
const blockedElements = new Map<string, Finding>([
  ...['script', 'iframe', 'object', 'embed', 'style', 'link', 'form', 'frame'].map((name): [string, Finding] => [
    name,
    {
      problem: `uses <${name}>, which can run code or load another website inside the page`,
      fix: 'Remove it. Waymark pages load nothing from other websites, to keep readers private.',
    },
  ]),
  [
    'meta',
    {
      problem: 'uses <meta>, which could send readers to another website or change how the page works',
      fix: "Remove it. A page's title and summary go in the settings between the two --- lines at the top.",
    },
  ],
  [
    'base',
    {
      problem: 'uses <base>, which would send every link on the page to another place',
      fix: 'Remove it, and write each link as you mean it: /help/ for a page of this site, https://… for a website.',
    },
  ],
]);

const onlyMarkdown = "Waymark pages take Markdown and Waymark's components only";
const runsAtBuild = 'which would run as code when the site is built';

/** Attributes whose address a browser follows or loads (compared in lower case). */
const addressAttributes = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'xlinkhref', 'poster']);
/** Attributes that load a file into the page (not links a reader chooses to follow). */
const loadingAttributes = new Set(['src', 'poster']);
/** SVG elements whose `href` loads a file into the page. */
const loadingByHref = new Set(['image', 'use', 'feimage']);
/** Addresses that run code or hide a whole file in the page, for the reason given. */
const blockedSchemes: Record<string, string> = {
  javascript: 'which would run code in the reader’s browser',
  vbscript: 'which would run code in the reader’s browser',
  data: 'which hides a whole file inside the page, where nobody can check it',
};
/** Namespaces that are part of SVG and XML, not instructions to the site's code like `set:` or `client:`. */
const markupNamespaces = new Set(['xlink', 'xml', 'xmlns']);

const linkFix = 'Link to a page of this site (like /help/), a website (https://…), or an email or phone number (mailto: or tel:).';
const fileFix = 'Save the file in public/ and point to it from there.';

/** An address as a browser reads it: spaces and control characters around it and tabs and newlines in it do not count. */
function asBrowserReads(url: string): string {
  // eslint-disable-next-line no-control-regex -- control characters are exactly what browsers drop
  return url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '');
}

/** `javascript`, `vbscript` or `data` when the address is one of those; otherwise undefined. */
function blockedScheme(url: string): string | undefined {
  const scheme = /^([a-z][a-z\d+.-]*):/i.exec(asBrowserReads(url))?.[1]?.toLowerCase();
  return scheme && scheme in blockedSchemes ? scheme : undefined;
}

/** On another website: `https://…`, `http:…`, or `//…` (a browser reads `\` as `/` there). */
export function isOffSite(url: string): boolean {
  return /^(https?:|[\\/]{2})/i.test(asBrowserReads(url));
}

/** The addresses in a `srcset`; descriptors (`2x`, `480w`) left out, and a comma always ends an address, to be safe. */
function srcsetAddresses(value: string): string[] {
  return value.split(/[\s,]+/).filter((part) => part && !/^\d+(\.\d+)?[wxh]$/i.test(part));
}

function schemeFinding(scheme: string, what: string, fix: string, field?: string): Finding {
  return { ...(field ? { field } : {}), problem: `${what} a ${scheme}: address, ${blockedSchemes[scheme]}`, fix: scheme === 'data' ? fileFix : fix };
}

function offSiteFinding(url: string): Finding {
  return { problem: `loads ${url} from another website, which would tell that website who is reading`, fix: fileFix };
}

/** A `{…}` that holds only comments (`{/* a note *\/}`) is not code: nothing of it is left once compiled. */
function isOnlyComments(code: string): boolean {
  let rest = code;
  for (;;) {
    rest = rest.trimStart();
    if (rest === '') return true;
    // A line comment ends at any of JavaScript's line ends, not only \n.
    const comment = /^(\/\*[\s\S]*?\*\/|\/\/[^\n\r\u2028\u2029]*)/.exec(rest);
    if (!comment) return false;
    rest = rest.slice(comment[0].length);
  }
}

/** The code as a person would recognise it on their line: one line, not too long. */
function shortCode(code: string): string {
  const line = code.replace(/\s+/g, ' ').trim();
  return line.length > 60 ? `${line.slice(0, 59)}…` : line;
}

/** Link definitions (`[x]: /page/`) by their identifier, so a picture written `![…][x]` can be checked too. */
export type Definitions = ReadonlyMap<string, string>;

export function definitionsIn(tree: MdastNode): Definitions {
  const definitions = new Map<string, string>();
  const visit = (node: MdastNode) => {
    if (node.type === 'definition' && node.identifier && node.url !== undefined) definitions.set(node.identifier, node.url);
    node.children?.forEach(visit);
  };
  visit(tree);
  return definitions;
}

/** Everything a node holds that a page may not: empty when it is Markdown or Waymark's vocabulary. */
export function unsafeFindings(node: MdastNode, definitions: Definitions): Finding[] {
  switch (node.type) {
    case 'mdxjsEsm': {
      const keyword = /^\s*export\b/.test(node.value ?? '') ? 'export' : 'import';
      return [{ problem: `has an ${keyword} line, ${runsAtBuild}`, fix: `Remove the line. ${onlyMarkdown}, and the components need no import.` }];
    }
    case 'mdxFlowExpression':
    case 'mdxTextExpression':
      if (isOnlyComments(node.value ?? '')) return [];
      return [
        {
          problem: `uses {${shortCode(node.value ?? '')}}, ${runsAtBuild}`,
          fix: `Write the words as plain text; ${onlyMarkdown}. To show a curly bracket, write \\{ instead of {.`,
        },
      ];
    case 'link':
    case 'definition': {
      const scheme = blockedScheme(node.url ?? '');
      return scheme ? [schemeFinding(scheme, 'links to', linkFix)] : [];
    }
    case 'image':
    case 'imageReference': {
      const url = node.type === 'image' ? node.url : definitions.get(node.identifier ?? '');
      if (url === undefined) return [];
      // A blocked address in a definition is reported once, at the definition.
      const scheme = node.type === 'image' ? blockedScheme(url) : undefined;
      if (scheme) return [schemeFinding(scheme, 'shows a picture from', fileFix)];
      if (!isOffSite(url)) return [];
      return [
        {
          problem: `shows a picture from another website (${url}), which would tell that website who is reading`,
          fix: 'Save the picture in public/ and link to it from there, like: ![A calm lake](/images/lake.jpg).',
        },
      ];
    }
    case 'mdxJsxFlowElement':
    case 'mdxJsxTextElement':
      return node.name ? elementFindings(node, node.name) : [];
    default:
      return [];
  }
}

function elementFindings(node: MdastNode, name: string): Finding[] {
  const findings: Finding[] = [];
  const element = name.toLowerCase();
  const blocked = blockedElements.get(element);
  if (blocked) findings.push(blocked);
  // `<props.x>` or `<a:b>` names a value in code, not an element; `<Foo.Bar>` is already "not a component".
  if (/^[a-z]/.test(name) && !/^[a-z][\w-]*$/i.test(name)) {
    findings.push({ problem: `uses <${name}>, ${runsAtBuild}`, fix: `Use one of Waymark's components, or plain Markdown.` });
  }
  for (const attribute of node.attributes ?? []) {
    if (attribute.type === 'mdxJsxExpressionAttribute') {
      findings.push({
        problem: `uses {${shortCode(String(attribute.value ?? ''))}} on <${name}>, ${runsAtBuild}`,
        fix: 'Write each setting as plain text in quotes, like: title="…".',
      });
      continue;
    }
    const finding = attributeFinding(name, element, attribute.name ?? '', attribute.value);
    if (finding) findings.push(finding);
  }
  return findings;
}

function attributeFinding(name: string, element: string, attribute: string, value: unknown): Finding | undefined {
  const lower = attribute.toLowerCase();
  const namespace = /^([\w-]+):/.exec(lower)?.[1];
  if (namespace && !markupNamespaces.has(namespace)) {
    return {
      problem: `uses ${attribute} on <${name}>, an instruction to the code of the site that could put code into the page`,
      fix: `Remove ${attribute}. ${onlyMarkdown}: write the words themselves, in Markdown.`,
    };
  }
  if (/^on./.test(lower)) {
    return {
      problem: `uses ${attribute} on <${name}>, which would run code when a reader uses the page`,
      // No [text](address) here: the build's error report shows a Markdown link as plain words.
      fix: `Remove ${attribute}="…". Pages run no code of their own; to send readers to another page, use a Markdown link.`,
    };
  }
  if (value !== null && typeof value === 'object') {
    return {
      field: attribute,
      problem: `of <${name}> is written with curly brackets, ${runsAtBuild}`,
      fix: `Write it as plain text in quotes, like: ${attribute}="…".`,
    };
  }
  if (typeof value !== 'string') return undefined;
  if (lower === 'srcset' || lower === 'imagesrcset') {
    for (const url of srcsetAddresses(value)) {
      const scheme = blockedScheme(url);
      if (scheme) return schemeFinding(scheme, `of <${name}> has`, fileFix, attribute);
      if (isOffSite(url)) return offSiteFinding(url);
    }
    return undefined;
  }
  if (!addressAttributes.has(lower)) return undefined;
  const scheme = blockedScheme(value);
  const loads = loadingAttributes.has(lower) || loadingByHref.has(element);
  if (scheme) return schemeFinding(scheme, `of <${name}> is`, loads ? fileFix : linkFix, attribute);
  return loads && isOffSite(value) ? offSiteFinding(value) : undefined;
}
