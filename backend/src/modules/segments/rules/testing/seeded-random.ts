import { generateMersenne53Randomizer, SimpleFaker } from '@faker-js/faker';

/** Faker's random helpers over a Mersenne Twister seeded with `seed` (as the demo generator does): same seed, same draws. */
export function seededRandom(seed: number): SimpleFaker {
  const randomizer = generateMersenne53Randomizer();
  randomizer.seed(seed);
  return new SimpleFaker({ randomizer });
}
