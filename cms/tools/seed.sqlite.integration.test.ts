import { describeSeeding } from '../src/testing/seed-suite';

describeSeeding('sqlite');
