/**
 * The one way pages get lessons: sorted by `order`, drafts dropped from production builds,
 * so the index, the routes and previous/next links always agree.
 */
import { getCollection, type CollectionEntry } from 'astro:content';

export type Lesson = CollectionEntry<'lessons'>;

/** Lessons in reading order; drafts are included only in `astro dev`. */
export async function getLessons(): Promise<Lesson[]> {
  const lessons = await getCollection('lessons', (entry) => import.meta.env.DEV || !entry.data.draft);
  // Ties on `order` fall back to the title so the order is stable across builds.
  return lessons.sort((a, b) => a.data.order - b.data.order || a.data.title.localeCompare(b.data.title));
}
