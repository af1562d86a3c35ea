// The gate's findings as Markdown a reviewer reads in a pull request: breaking changes first,
// then deprecations, additions and warnings, each grouped by operation, each a sentence with its
// before and after. `spec:release` writes the same text into CHANGELOG.md.
import type { Finding, Level } from './spec-compat.ts';

interface Verdict {
  impact: string;
  baseVersion: string;
  revisionVersion: string;
  allowed: boolean;
  findings: Finding[];
  accepted: Finding[];
}

const SECTIONS: { title: string; pick: (f: Finding, accepted: boolean) => boolean }[] = [
  { title: 'Breaking', pick: (f, a) => f.level === 'breaking' && !a },
  { title: 'Breaking, accepted by reviewers', pick: (f, a) => f.level === 'breaking' && a },
  { title: 'Deprecated', pick: (f) => f.level === 'deprecated' },
  { title: 'Added', pick: (f) => f.level === 'addition' },
  { title: 'Warnings (not blocking)', pick: (f) => f.level === ('warning' satisfies Level) },
];

/** "The 201 response has a new header 'X'." and the same for 400 → one line naming both. */
function merged(messages: string[]): string[] {
  const byRest = new Map<string, string[]>();
  const order: string[] = [];
  for (const m of new Set(messages)) {
    const match = /^The (\d{3}) response(.*)$/.exec(m);
    const key = match ? `\u0000${match[2] ?? ''}` : m;
    if (!byRest.has(key)) order.push(key);
    byRest.set(key, [...(byRest.get(key) ?? []), match?.[1] ?? '']);
  }
  return order.map((key) => {
    if (!key.startsWith('\u0000')) return key;
    const statuses = byRest.get(key) ?? [];
    const rest = key.slice(1).replace(/^ has /, statuses.length > 1 ? ' have ' : ' has ');
    return statuses.length > 1
      ? `The ${statuses.join(', ')} responses${rest}`
      : `The ${statuses[0] ?? ''} response${rest}`;
  });
}

function byOperation(findings: Finding[], heading: string): string[] {
  const groups = new Map<string, string[]>();
  for (const f of findings)
    groups.set(f.operation, [
      ...(groups.get(f.operation) ?? []),
      f.reason ? `${f.message} Accepted: ${f.reason}` : f.message,
    ]);
  return [...groups].flatMap(([operation, messages]) => [
    `${heading} ${operation.replace(/^(\S+ \S+)/, '`$1`')}`,
    '',
    ...merged(messages).map((m) => `- ${m}`),
    '',
  ]);
}

/** Markdown for a PR comment; `heading` is the level of the title (sections go one deeper). */
export function changelogMarkdown(verdict: Verdict, options: { heading?: string } = {}): string {
  const h = options.heading ?? '##';
  const lines = [
    `${h} API changes: contract ${verdict.baseVersion} → ${verdict.revisionVersion}`,
    '',
    verdict.findings.length === 0
      ? 'No change to the contract.'
      : `Verdict: **${verdict.impact}**${verdict.allowed ? '' : ' — blocked: a breaking change needs a new major version'}.`,
    '',
  ];
  for (const section of SECTIONS) {
    const picked = verdict.findings.filter((f) => section.pick(f, verdict.accepted.includes(f)));
    if (picked.length === 0) continue;
    lines.push(`${h}# ${section.title}`, '', ...byOperation(picked, `${h}##`));
  }
  const other = verdict.findings.filter((f) => f.level === 'change');
  if (other.length > 0)
    lines.push(
      '<details><summary>Other compatible changes (' + String(other.length) + ')</summary>',
      '',
      ...byOperation(other, `${h}##`),
      '</details>',
      '',
    );
  return lines.join('\n').trimEnd() + '\n';
}

/** CHANGELOG.md with the release's API section first under `## [Unreleased]` (replacing one). */
export function withChangelogSection(changelog: string, version: string, section: string): string {
  const marker = (v: string) => `<!-- api-changes ${v} -->`;
  const block = `${marker(version)}\n${section.trimEnd()}\n${marker(version)}\n`;
  const start = changelog.indexOf(marker(version));
  if (start >= 0) {
    const end = changelog.indexOf(marker(version), start + 1) + marker(version).length + 1;
    return changelog.slice(0, start) + block + changelog.slice(end);
  }
  const unreleased = changelog.indexOf('## [Unreleased]');
  if (unreleased < 0) throw new Error('CHANGELOG.md has no "## [Unreleased]" section');
  const at = unreleased + '## [Unreleased]\n'.length;
  return `${changelog.slice(0, at)}\n${block}${changelog.slice(at)}`;
}
