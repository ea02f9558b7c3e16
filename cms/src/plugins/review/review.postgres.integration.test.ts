import { describeReview } from '../../testing/review/review-suite';

describeReview('postgres');
