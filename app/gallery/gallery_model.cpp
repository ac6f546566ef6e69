#include "gallery/gallery_model.h"

#include <set>

namespace orlive::gallery {

namespace {
constexpr std::size_t kKeptEvents = 1000;

std::set<std::int64_t> ids_of(const std::optional<PublishedThread>& thread) {
    std::set<std::int64_t> ids;
    if (thread) {
        for (const PublishedPost& post : thread->posts) ids.insert(post.id);
    }
    return ids;
}
}  // namespace

std::string thread_title(const std::optional<PublishedThread>& thread) {
    if (!thread) return "ORLive";
    return thread_heading(*thread);
}

void GalleryModel::update(std::optional<PublishedThread> thread) {
    std::lock_guard lock(mutex_);
    const std::set<std::int64_t> before = ids_of(thread_);
    const std::set<std::int64_t> after = ids_of(thread);
    if (thread_title(thread_) != thread_title(thread)) push({0, EventKind::Thread, {}, thread_title(thread)});
    if (thread_) {
        for (const PublishedPost& post : thread_->posts) {
            if (!after.count(post.id)) push({0, EventKind::Withdrawn, post, {}});
        }
    }
    if (thread) {
        for (const PublishedPost& post : thread->posts) {
            if (!before.count(post.id)) push({0, EventKind::Post, post, {}});
        }
    }
    thread_ = std::move(thread);
    changed_.notify_all();
}

void GalleryModel::push(GalleryEvent event) {
    event.seq = ++seq_;
    events_.push_back(std::move(event));
    if (events_.size() > kKeptEvents) events_.pop_front();
}

std::optional<PublishedThread> GalleryModel::thread() const {
    std::lock_guard lock(mutex_);
    return thread_;
}

std::uint64_t GalleryModel::last_seq() const {
    std::lock_guard lock(mutex_);
    return seq_;
}

std::vector<GalleryEvent> GalleryModel::events_after(std::uint64_t seq, std::chrono::milliseconds wait) const {
    std::unique_lock lock(mutex_);
    changed_.wait_for(lock, wait, [&] { return closed_ || seq_ > seq; });
    std::vector<GalleryEvent> out;
    if (closed_) return out;
    for (const GalleryEvent& event : events_) {
        if (event.seq > seq) out.push_back(event);
    }
    return out;
}

void GalleryModel::close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    changed_.notify_all();
}

bool GalleryModel::closed() const {
    std::lock_guard lock(mutex_);
    return closed_;
}

}  // namespace orlive::gallery
