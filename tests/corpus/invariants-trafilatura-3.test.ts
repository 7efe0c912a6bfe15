import { invariantTests } from './extraction-invariants';

invariantTests('trafilatura', 'trafilatura evaluation set', 2, 3);
