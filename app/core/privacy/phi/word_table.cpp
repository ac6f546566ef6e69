#include "core/privacy/phi/word_table.h"

#include <algorithm>

namespace orlive {

void WordTable::add(std::string_view word, std::uint32_t rank) {
    entries_.push_back({static_cast<std::uint32_t>(blob_.size()), static_cast<std::uint32_t>(word.size()), rank});
    blob_.append(word);
}

void WordTable::freeze() {
    // Stable sort keeps insertion order among equal words, so the first rank added survives.
    std::stable_sort(entries_.begin(), entries_.end(),
                     [this](const Entry& a, const Entry& b) { return at(a) < at(b); });
    entries_.erase(std::unique(entries_.begin(), entries_.end(),
                               [this](const Entry& a, const Entry& b) { return at(a) == at(b); }),
                   entries_.end());
    entries_.shrink_to_fit();
    // Words dropped as duplicates stay in the blob; compacting is not worth a second copy.
    blob_.shrink_to_fit();
}

std::uint32_t WordTable::rank(std::string_view word) const {
    auto it = std::lower_bound(entries_.begin(), entries_.end(), word,
                               [this](const Entry& e, std::string_view w) { return at(e) < w; });
    if (it == entries_.end() || at(*it) != word) return kAbsent;
    return it->rank;
}

}  // namespace orlive
