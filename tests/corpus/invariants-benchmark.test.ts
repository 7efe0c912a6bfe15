import { invariantTests } from './extraction-invariants';

invariantTests('benchmark', 'article-extraction-benchmark');
