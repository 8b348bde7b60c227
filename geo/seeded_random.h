// A small seeded random stream whose numbers are the same on every platform and standard
// library (std::uniform_real_distribution is not: its algorithm is left to the library), so a
// suggested patrol drawn with `--seed S` can be reproduced and audited anywhere.
// SplitMix64 (Steele, Lea & Flood, OOPSLA 2014): 64-bit state, one multiply-xorshift per number.
#pragma once

#include <cstdint>
#include <initializer_list>

namespace tidemark::geo {

class SeededRandom {
public:
    explicit SeededRandom(std::uint64_t seed) : state_(seed) {}
    // One independent stream per tuple (seed, draw, day, ...): each part is mixed in turn, so
    // stream (S, 3, 2) does not depend on how many numbers streams (S, 3, 0..1) used.
    SeededRandom(std::initializer_list<std::uint64_t> parts) : state_(0x9e3779b97f4a7c15ull) {
        for (std::uint64_t p : parts) state_ = mix(state_ ^ mix(p + 0x632be59bd9b4e019ull));
    }
    std::uint64_t next() {
        state_ += 0x9e3779b97f4a7c15ull;
        return mix(state_);
    }
    // Uniform in [0, 1), 53 random bits.
    double uniform() { return static_cast<double>(next() >> 11) * 0x1.0p-53; }
    // Uniform integer in [0, n); n > 0. (Modulo bias below 2^-40 for the n used here.)
    std::uint64_t below(std::uint64_t n) { return next() % n; }

private:
    static std::uint64_t mix(std::uint64_t z) {
        z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ull;
        z = (z ^ (z >> 27)) * 0x94d049bb133111ebull;
        return z ^ (z >> 31);
    }
    std::uint64_t state_;
};

}  // namespace tidemark::geo
