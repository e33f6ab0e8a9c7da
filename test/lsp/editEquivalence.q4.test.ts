/** Randomized edits versus a fresh open, corpus quarter 4 (see editEquivalenceSuite.ts). */
import { describeEditEquivalence } from './editEquivalenceSuite';

describeEditEquivalence(3);
