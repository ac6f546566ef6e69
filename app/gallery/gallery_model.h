// The gallery's shared state: the active case's thread as it went out, and the events each
// change of it makes (one per new or withdrawn post). The poller thread updates it; the HTTP
// threads read it and wait on it. Every member function is thread-safe.
#pragma once

#include <chrono>
#include <condition_variable>
#include <cstdint>
#include <deque>
#include <mutex>
#include <optional>
#include <vector>

#include "core/thread/published_thread.h"

namespace orlive::gallery {

enum class EventKind { Post, Withdrawn, Thread };  // Thread: the case or its title changed

struct GalleryEvent {
    std::uint64_t seq = 0;
    EventKind kind = EventKind::Post;
    PublishedPost post;     // Post: the whole post; Withdrawn: its id
    std::string title;      // Thread: the page's new title
};

std::string thread_title(const std::optional<PublishedThread>& thread);

class GalleryModel {
public:
    // Replaces the thread; appends an event per post that appeared or vanished.
    void update(std::optional<PublishedThread> thread);
    std::optional<PublishedThread> thread() const;
    std::uint64_t last_seq() const;
    // Events after `seq`, waiting up to `wait` for the first; empty on timeout or close.
    std::vector<GalleryEvent> events_after(std::uint64_t seq, std::chrono::milliseconds wait) const;
    // Wakes every waiter for good (the server is stopping).
    void close();
    bool closed() const;

private:
    void push(GalleryEvent event);

    mutable std::mutex mutex_;
    mutable std::condition_variable changed_;
    std::optional<PublishedThread> thread_;
    std::deque<GalleryEvent> events_;  // the most recent ones; a page that missed more reloads
    std::uint64_t seq_ = 0;
    bool closed_ = false;
};

}  // namespace orlive::gallery
