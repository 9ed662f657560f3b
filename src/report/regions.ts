/** The regions above the township that files may name (optional county and city columns), lowest first. */
export const REGION_LEVELS = ['county', 'city'] as const;
export type RegionLevel = (typeof REGION_LEVELS)[number];
