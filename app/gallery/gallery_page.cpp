#include "gallery/gallery_page.h"

#include <openssl/evp.h>

#include <nlohmann/json.hpp>

#include "core/base/html_escape.h"
#include "core/base/time_format.h"

// [SECTION] Index
// - The page's style and script (kept inline and allowed by hash: the server serves no file)
// - Content-Security-Policy
// - JSON Feed items and events
// - The page

namespace orlive::gallery {

namespace {

using nlohmann::json;

// [SECTION] The page's style and script ---------------------------------------------------
// Large type that grows with the screen (a phone at arm's length, a projector across a hall),
// light or dark as the viewer's device prefers.
constexpr const char* kStyle = R"css(
:root{color-scheme:light dark;--bg:#fff;--fg:#111;--dim:#555;--line:#ccc;--accent:#0a58a8}
@media (prefers-color-scheme:dark){:root{--bg:#101214;--fg:#f2f2f2;--dim:#b8b8b8;--line:#3a3d40;--accent:#8cc4ff}}
html{font-size:clamp(20px,calc(1.1vw + 14px),46px)}
body{margin:0 auto;max-width:46rem;padding:1rem 1.2rem;background:var(--bg);color:var(--fg);font-family:"DejaVu Sans",system-ui,sans-serif;line-height:1.4}
h1{font-size:1.45rem;line-height:1.2;margin:.3rem 0 .2rem}
.status{color:var(--dim);font-size:.8rem;margin:0}
ol{list-style:none;padding:0;margin:1rem 0}
li{border-top:2px solid var(--line);padding:.7rem 0}
.meta{color:var(--accent);font-weight:bold;margin:0}
.text{margin:.25rem 0 0;white-space:pre-wrap;overflow-wrap:anywhere}
.empty{color:var(--dim)}
)css";

// Builds every node with textContent: nothing from the server is ever parsed as HTML. On each
// (re)connection it reloads /feed.json, so a page that missed events while away catches up.
constexpr const char* kScript = R"js(
(function () {
  "use strict";
  var list = document.getElementById("posts"), empty = document.getElementById("empty");
  var status = document.getElementById("status"), title = document.getElementById("title");
  function showEmpty() { empty.hidden = list.children.length > 0; }
  function item(p) {
    var li = document.createElement("li"), meta = document.createElement("p"), time = document.createElement("time");
    var text = document.createElement("p");
    li.id = "post-" + p.id; li.setAttribute("data-id", p.id);
    meta.className = "meta"; time.dateTime = p.date_published; time.textContent = p._orlive.time;
    meta.appendChild(time); meta.appendChild(document.createTextNode(" \u00b7 " + p._orlive.label));
    text.className = "text"; text.textContent = p.content_text;
    li.appendChild(meta); li.appendChild(text);
    return li;
  }
  function add(p) {
    if (document.getElementById("post-" + p.id)) return;
    var next = list.firstElementChild;
    while (next && Number(next.getAttribute("data-id")) > Number(p.id)) next = next.nextElementSibling;
    list.insertBefore(item(p), next); showEmpty();
  }
  function remove(id) { var li = document.getElementById("post-" + id); if (li) li.remove(); showEmpty(); }
  function reload() {
    fetch("/feed.json", {cache: "no-store"}).then(function (r) { return r.json(); }).then(function (feed) {
      var keep = {};
      title.textContent = feed.title; document.title = feed.title;
      feed.items.forEach(function (p) { keep[p.id] = true; add(p); });
      Array.prototype.slice.call(list.children).forEach(function (li) {
        if (!keep[li.getAttribute("data-id")]) li.remove();
      });
      showEmpty();
    }).catch(function () {});
  }
  var events = new EventSource("/events");
  events.addEventListener("open", function () { status.textContent = "Live"; reload(); });
  events.addEventListener("error", function () { status.textContent = "Reconnecting\u2026"; });
  events.addEventListener("post", function (e) { add(JSON.parse(e.data)); });
  events.addEventListener("withdrawn", function (e) { remove(JSON.parse(e.data).id); });
  events.addEventListener("thread", function () { reload(); });
})();
)js";

// [SECTION] Content-Security-Policy -------------------------------------------------------
std::string sha256_base64(const std::string& text) {
    unsigned char digest[EVP_MAX_MD_SIZE];
    unsigned int length = 0;
    EVP_Digest(text.data(), text.size(), digest, &length, EVP_sha256(), nullptr);
    unsigned char encoded[4 * ((EVP_MAX_MD_SIZE + 2) / 3) + 1];
    const int written = EVP_EncodeBlock(encoded, digest, static_cast<int>(length));
    return std::string(reinterpret_cast<const char*>(encoded), static_cast<std::size_t>(written));
}

// [SECTION] JSON Feed items and events ----------------------------------------------------
json feed_item(const PublishedPost& post) {
    return {{"id", std::to_string(post.id)},
            {"content_text", post.text},
            {"date_published", format_iso8601_utc(post.at)},
            {"title", post.title},
            {"_orlive", {{"step", post.step}, {"label", post_label(post)},
                         {"time", format_local_hhmm(post.at)}}}};
}

// Invalid UTF-8 cannot reach the database (refused at every entry); replace rather than throw
// in a server thread if it ever did.
std::string dump(const json& value) { return value.dump(-1, ' ', false, json::error_handler_t::replace); }

// [SECTION] The page ----------------------------------------------------------------------
std::string render_item(const PublishedPost& post) {
    return "<li id=\"post-" + std::to_string(post.id) + "\" data-id=\"" + std::to_string(post.id) +
           "\"><p class=\"meta\"><time datetime=\"" + format_iso8601_utc(post.at) + "\">" +
           format_local_hhmm(post.at) + "</time> \u00b7 " + html_escape(post_label(post)) +
           "</p><p class=\"text\">" + html_escape(post.text) + "</p></li>\n";
}

}  // namespace

const std::string& content_security_policy() {
    static const std::string policy = "default-src 'none'; script-src 'sha256-" + sha256_base64(kScript) +
                                      "'; style-src 'sha256-" + sha256_base64(kStyle) +
                                      "'; connect-src 'self'; img-src 'none'; base-uri 'none'; "
                                      "form-action 'none'; frame-ancestors 'none'";
    return policy;
}

std::string render_feed_json(const std::optional<PublishedThread>& thread) {
    json feed = {{"version", "https://jsonfeed.org/version/1.1"}, {"title", thread_title(thread)}, {"items", json::array()}};
    if (thread) {
        for (auto post = thread->posts.rbegin(); post != thread->posts.rend(); ++post) feed["items"].push_back(feed_item(*post));
    }
    return dump(feed) + "\n";
}

std::string render_event(const GalleryEvent& event) {
    std::string name;
    json data;
    switch (event.kind) {
        case EventKind::Post: name = "post"; data = feed_item(event.post); break;
        case EventKind::Withdrawn: name = "withdrawn"; data = {{"id", std::to_string(event.post.id)}}; break;
        case EventKind::Thread: name = "thread"; data = {{"title", event.title}}; break;
    }
    // dump() escapes newlines, so the data is one line as the event-stream format needs.
    return "id: " + std::to_string(event.seq) + "\nevent: " + name + "\ndata: " + dump(data) + "\n\n";
}

std::string render_page(const std::optional<PublishedThread>& thread) {
    const std::string title = html_escape(thread_title(thread));
    std::string page =
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        "<meta name=\"color-scheme\" content=\"light dark\">\n<title>" + title + "</title>\n<style>" + kStyle +
        "</style>\n</head>\n<body>\n<header>\n<h1 id=\"title\">" + title + "</h1>\n"
        "<p id=\"status\" class=\"status\" role=\"status\">Connecting\u2026</p>\n</header>\n<main>\n"
        "<ol id=\"posts\" aria-live=\"polite\" aria-relevant=\"additions removals\" "
        "aria-label=\"Updates from the operating room, newest first\">\n";
    bool any = false;
    if (thread) {
        for (auto post = thread->posts.rbegin(); post != thread->posts.rend(); ++post) page += render_item(*post);
        any = !thread->posts.empty();
    }
    page += std::string("</ol>\n<p id=\"empty\" class=\"empty\"") + (any ? " hidden" : "") +
            ">Updates will appear here as the procedure goes on.</p>\n</main>\n<script>" + kScript +
            "</script>\n</body>\n</html>\n";
    return page;
}

}  // namespace orlive::gallery
