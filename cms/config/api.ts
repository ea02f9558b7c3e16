/** REST defaults: a page of 25, at most 100. */
export default {
  rest: { defaultLimit: 25, maxLimit: 100, withCount: true },
};
