import { invariantTests } from './extraction-invariants';

invariantTests('readability', "Readability's test pages");
