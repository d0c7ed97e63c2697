/** The rating scale and the comment's limit: shared with the browser's form, so without zod. */
export const RATINGS = [1, 2, 3, 4, 5] as const;
export const COMMENT_MAX = 2000;
