/**
 * `node --import tsx bench/profile-summary.ts profile.cpuprofile [name…]`:
 * reads a V8 CPU profile (`node --cpu-prof`). For each named function
 * (`name` or `name@file-part`): its inclusive time (a sample counts once
 * however deep the recursion) and the inclusive time of what it calls
 * directly; then the functions with the most self time (`TOP=n`, default 30),
 * under the function `FOCUS=name` when given.
 */
import { readFileSync } from 'node:fs';

interface ProfileNode {
  id: number;
  callFrame: { functionName: string; url: string; lineNumber: number };
  children?: number[];
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

const [file, ...names] = process.argv.slice(2);
const profile = JSON.parse(readFileSync(file!, 'utf8')) as Profile;
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const parent = new Map<number, number>();
for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
const label = (n: ProfileNode): string =>
  `${n.callFrame.functionName || '(anon)'} ${n.callFrame.url.replace(/^.*\/(node_modules|wt-[^/]+)\//, '')}:${n.callFrame.lineNumber + 1}`;
const matches = (n: ProfileNode, name: string): boolean => {
  const [fn, part] = name.split('@');
  return n.callFrame.functionName === fn && (!part || n.callFrame.url.includes(part));
};
const add = (map: Map<string, number>, key: string, ms: number) => map.set(key, (map.get(key) ?? 0) + ms);
const self = new Map<string, number>();
// FOCUS=name: self time counted only in samples under that function.
const focus = process.env['FOCUS'];
const inclusive = new Map<string, number>();
const callees = new Map<string, Map<string, number>>(names.map((n) => [n, new Map()]));
let total = 0;
profile.samples.forEach((id, i) => {
  const ms = (profile.timeDeltas[i] ?? 0) / 1000;
  total += ms;
  const seen = new Set<string>();
  // Walk from the root down, so the outermost call of a recursive function is the one counted.
  const stack: ProfileNode[] = [];
  for (let at: number | undefined = id; at !== undefined; at = parent.get(at)) stack.unshift(byId.get(at)!);
  if (!focus || stack.some((node) => matches(node, focus))) add(self, label(byId.get(id)!), ms);
  stack.forEach((node, depth) => {
    for (const name of names) {
      if (seen.has(name) || !matches(node, name)) continue;
      seen.add(name);
      add(inclusive, name, ms);
      const next = stack[depth + 1];
      add(callees.get(name)!, next ? label(next) : '(self)', ms);
    }
  });
});
console.log(`total ${total.toFixed(0)} ms`);
for (const name of names) {
  console.log(`${(inclusive.get(name) ?? 0).toFixed(0).padStart(7)} ms  ${name}`);
  for (const [k, v] of [...callees.get(name)!]
    .sort((a, b) => b[1] - a[1])
    .slice(0, Number(process.env['CALLEES'] ?? 12)))
    console.log(`    ${v.toFixed(0).padStart(7)} ms  ${k}`);
}
console.log('self time:');
for (const [k, v] of [...self].sort((a, b) => b[1] - a[1]).slice(0, Number(process.env['TOP'] ?? 30)))
  console.log(`  ${v.toFixed(0).padStart(6)} ms  ${k}`);
