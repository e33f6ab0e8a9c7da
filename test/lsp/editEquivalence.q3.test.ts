/** Randomized edits versus a fresh open, corpus quarter 3 (see editEquivalenceSuite.ts). */
import { describeEditEquivalence } from './editEquivalenceSuite';

describeEditEquivalence(2);
