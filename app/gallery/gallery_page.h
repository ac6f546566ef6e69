// What the gallery serves, as text: the page (with its inline style and script, allowed by
// hash in the Content-Security-Policy), the JSON Feed 1.1 and the server-sent events. Every
// post's text is escaped for where it lands (HTML, or JSON that the script puts in
// textContent), so a post can never become markup. No function here touches the network.
#pragma once

#include <optional>
#include <string>

#include "core/thread/published_thread.h"
#include "gallery/gallery_model.h"

namespace orlive::gallery {

// default-src 'none', the page's own script and style by SHA-256, connect-src 'self'.
const std::string& content_security_policy();

std::string render_page(const std::optional<PublishedThread>& thread);
// {"version":"https://jsonfeed.org/version/1.1", "title", "items":[{id, content_text,
// date_published, title, _orlive:{step, label, time}}]}, newest first.
std::string render_feed_json(const std::optional<PublishedThread>& thread);
// One server-sent event: "id: SEQ\nevent: post|withdrawn|thread\ndata: JSON\n\n".
std::string render_event(const GalleryEvent& event);

}  // namespace orlive::gallery
