#include "sync/platform_answers.h"

#include <algorithm>
#include <cctype>
#include <cstring>

#include <nlohmann/json.hpp>

namespace orlive {

using nlohmann::json;

namespace {

// nlohmann's value() throws when the key holds another type; these never do. Strings come
// back as valid UTF-8 because the parser refuses anything else.
json parse_object(std::string_view body) {
    json parsed = json::parse(body.begin(), body.end(), nullptr, false);
    return parsed.is_object() ? parsed : json::object();
}

std::string string_at(const json& object, const char* key) {
    auto it = object.find(key);
    return it != object.end() && it->is_string() ? it->get<std::string>() : std::string();
}

// An id goes into later request paths (/api/v1/statuses/ID): letters, digits, '-', '_' only.
bool is_path_safe(const std::string& id) {
    if (id.empty() || id.size() > 64) return false;
    for (unsigned char c : id) {
        if (!std::isalnum(c) && c != '-' && c != '_') return false;
    }
    return true;
}

// Mastodon ids are strings; some servers send numbers. Anything else is no id.
std::string id_at(const json& object, const char* key) {
    auto it = object.find(key);
    if (it == object.end()) return {};
    std::string id;
    if (it->is_string()) id = it->get<std::string>();
    else if (it->is_number_unsigned() || it->is_number_integer()) id = it->dump();
    return is_path_safe(id) ? id : std::string();
}

std::optional<std::size_t> size_at(const json& object, const char* key) {
    auto it = object.find(key);
    if (it == object.end() || !it->is_number_unsigned()) return std::nullopt;
    const auto number = it->get<std::uint64_t>();
    if (number == 0 || number > 1'000'000) return std::nullopt;  // no instance allows a million
    return static_cast<std::size_t>(number);
}

std::optional<RemoteRef> status_ref(const json& status) {
    RemoteRef ref;
    ref.id = id_at(status, "id");
    if (ref.id.empty()) return std::nullopt;
    ref.uri = string_at(status, "url");
    if (ref.uri.empty()) ref.uri = string_at(status, "uri");
    return ref;
}

// "&#233;" or "&#xE9;" at the start of `text`: appends the character (U+FFFD for a NUL,
// surrogate or out-of-range number) and returns the bytes used; 0 when it is not one.
std::size_t decode_numeric_reference(std::string_view text, std::string& out) {
    std::size_t i = 2;
    const bool hex = i < text.size() && (text[i] == 'x' || text[i] == 'X');
    if (hex) ++i;
    const std::size_t digits_at = i;
    std::uint32_t value = 0;
    while (i < text.size() && i - digits_at < 8 &&
           (hex ? std::isxdigit(static_cast<unsigned char>(text[i])) : std::isdigit(static_cast<unsigned char>(text[i])))) {
        const char c = static_cast<char>(std::tolower(static_cast<unsigned char>(text[i])));
        value = value * (hex ? 16 : 10) + static_cast<std::uint32_t>(c <= '9' ? c - '0' : c - 'a' + 10);
        ++i;
    }
    if (i == digits_at || i >= text.size() || text[i] != ';') return 0;
    if (value == 0 || value > 0x10FFFF || (value >= 0xD800 && value <= 0xDFFF)) value = 0xFFFD;
    if (value < 0x80) {
        out += static_cast<char>(value);
    } else if (value < 0x800) {
        out += static_cast<char>(0xC0 | (value >> 6));
        out += static_cast<char>(0x80 | (value & 0x3F));
    } else if (value < 0x10000) {
        out += static_cast<char>(0xE0 | (value >> 12));
        out += static_cast<char>(0x80 | ((value >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (value & 0x3F));
    } else {
        out += static_cast<char>(0xF0 | (value >> 18));
        out += static_cast<char>(0x80 | ((value >> 12) & 0x3F));
        out += static_cast<char>(0x80 | ((value >> 6) & 0x3F));
        out += static_cast<char>(0x80 | (value & 0x3F));
    }
    return i + 1;
}

}  // namespace

MastodonLimits parse_mastodon_limits(std::string_view body, MastodonLimits defaults) {
    const json root = parse_object(body);
    auto configuration = root.find("configuration");
    if (configuration == root.end() || !configuration->is_object()) return defaults;
    auto statuses = configuration->find("statuses");
    if (statuses == configuration->end() || !statuses->is_object()) return defaults;
    MastodonLimits limits = defaults;
    if (auto n = size_at(*statuses, "max_characters")) limits.max_characters = *n;
    if (auto it = statuses->find("characters_reserved_per_url");
        it != statuses->end() && it->is_number_unsigned() && it->get<std::uint64_t>() <= 1000)
        limits.characters_reserved_per_url = static_cast<std::size_t>(it->get<std::uint64_t>());
    return limits;
}

std::optional<RemoteRef> parse_mastodon_status(std::string_view body) { return status_ref(parse_object(body)); }

std::string parse_mastodon_account_id(std::string_view body) { return id_at(parse_object(body), "id"); }

Result<std::optional<RemoteRef>> find_mastodon_status(std::string_view body, const std::string& parent_id,
                                                      const std::string& text) {
    const json statuses = json::parse(body.begin(), body.end(), nullptr, false);
    if (!statuses.is_array()) return make_error("Mastodon listed the account's statuses unreadably");
    for (const json& status : statuses) {
        if (!status.is_object()) continue;
        if (id_at(status, "in_reply_to_id") != parent_id) continue;
        if (mastodon_plain_text(string_at(status, "content")) != text) continue;
        if (auto ref = status_ref(status)) return std::optional<RemoteRef>(*ref);
    }
    return std::optional<RemoteRef>();
}

std::string mastodon_plain_text(std::string_view html) {
    static const std::pair<const char*, char> entities[] = {
        {"&amp;", '&'}, {"&lt;", '<'}, {"&gt;", '>'}, {"&quot;", '"'}, {"&#39;", '\''}, {"&apos;", '\''}};
    std::string out;
    for (std::size_t i = 0; i < html.size(); ++i) {
        if (html.compare(i, 2, "&#") == 0 && html.compare(i, 5, "&#39;") != 0) {
            if (std::size_t used = decode_numeric_reference(html.substr(i), out)) {
                i += used - 1;
                continue;
            }
        }
        if (html[i] == '<') {
            const std::size_t close = html.find('>', i);
            if (close == std::string_view::npos) break;
            const std::string_view tag = html.substr(i, close - i + 1);
            if (tag.rfind("<br", 0) == 0) out += '\n';
            if (tag == "</p>" && close + 1 < html.size()) out += "\n\n";
            i = close;
            continue;
        }
        bool replaced = false;
        for (const auto& [entity, ch] : entities) {
            if (html.compare(i, std::strlen(entity), entity) == 0) {
                out += ch;
                i += std::strlen(entity) - 1;
                replaced = true;
                break;
            }
        }
        if (!replaced) out += html[i];
    }
    return out;
}

Result<std::vector<FollowerReply>> parse_mastodon_context(std::string_view body, const std::string& our_account_id,
                                                          std::size_t max_replies) {
    const json root = json::parse(body.begin(), body.end(), nullptr, false);
    if (!root.is_object()) return make_error("Mastodon answered the thread's context unreadably");
    auto descendants = root.find("descendants");
    if (descendants == root.end() || !descendants->is_array())
        return make_error("Mastodon's context of the thread has no list of replies");
    std::vector<FollowerReply> replies;
    for (const json& status : *descendants) {
        if (replies.size() >= max_replies) break;
        if (!status.is_object()) continue;
        const std::string visibility = string_at(status, "visibility");
        if (visibility != "public" && visibility != "unlisted") continue;  // never answer a DM in public
        auto account = status.find("account");
        if (account == status.end() || !account->is_object()) continue;
        const std::string author_id = id_at(*account, "id");
        if (author_id.empty() || author_id == our_account_id) continue;
        auto ref = status_ref(status);
        const std::string parent = id_at(status, "in_reply_to_id");
        if (!ref || parent.empty()) continue;
        FollowerReply reply;
        reply.remote = *ref;
        reply.in_reply_to = parent;
        reply.author = string_at(*account, "acct");
        reply.text = mastodon_plain_text(string_at(status, "content"));
        replies.push_back(std::move(reply));
    }
    // Mastodon lists the tree depth first; its ids grow with time, so oldest first is by id as
    // a number (shorter first, then by digits).
    std::stable_sort(replies.begin(), replies.end(), [](const FollowerReply& a, const FollowerReply& b) {
        const std::string& x = a.remote.id;
        const std::string& y = b.remote.id;
        return x.size() != y.size() ? x.size() < y.size() : x < y;
    });
    return replies;
}

std::optional<BlueskySession> parse_bluesky_session(std::string_view body) {
    const json root = parse_object(body);
    BlueskySession session{string_at(root, "accessJwt"), string_at(root, "refreshJwt"), string_at(root, "did")};
    if (session.access_jwt.empty() || session.did.empty()) return std::nullopt;
    return session;
}

std::optional<BlueskySession> parse_bluesky_refresh(std::string_view body, const BlueskySession& current) {
    const json root = parse_object(body);
    BlueskySession session = current;
    session.access_jwt = string_at(root, "accessJwt");
    if (session.access_jwt.empty()) return std::nullopt;
    if (std::string refresh = string_at(root, "refreshJwt"); !refresh.empty()) session.refresh_jwt = refresh;
    return session;
}

std::optional<RemoteRef> parse_bluesky_record(std::string_view body, const std::string& rkey) {
    const json root = parse_object(body);
    RemoteRef ref{rkey, string_at(root, "uri"), string_at(root, "cid")};
    if (ref.uri.empty() || ref.cid.empty()) return std::nullopt;
    return ref;
}

namespace {

// One post of a thread view, when it is a follower's reply with everything an answer needs.
std::optional<std::pair<std::string, FollowerReply>> bluesky_reply(const json& post, const std::string& our_did) {
    auto author = post.find("author");
    auto record = post.find("record");
    if (author == post.end() || !author->is_object() || record == post.end() || !record->is_object()) return {};
    const std::string did = string_at(*author, "did");
    if (did.empty() || did == our_did) return {};
    auto reply_ref = record->find("reply");
    if (reply_ref == record->end() || !reply_ref->is_object()) return {};
    auto parent = reply_ref->find("parent");
    if (parent == reply_ref->end() || !parent->is_object()) return {};
    FollowerReply reply;
    reply.remote.uri = string_at(post, "uri");
    reply.remote.id = reply.remote.uri;
    reply.remote.cid = string_at(post, "cid");
    reply.in_reply_to = string_at(*parent, "uri");
    reply.author = string_at(*author, "handle");
    reply.text = string_at(*record, "text");
    if (reply.remote.uri.rfind("at://", 0) != 0 || reply.remote.cid.empty() || reply.in_reply_to.empty()) return {};
    return std::make_pair(string_at(*record, "createdAt"), std::move(reply));
}

}  // namespace

Result<std::vector<FollowerReply>> parse_bluesky_thread(std::string_view body, const std::string& our_did,
                                                        std::size_t max_replies) {
    const json root = parse_object(body);
    auto thread = root.find("thread");
    if (thread == root.end() || !thread->is_object()) return make_error("Bluesky answered the thread unreadably");
    std::vector<std::pair<std::string, FollowerReply>> found;
    std::vector<const json*> todo = {&*thread};
    while (!todo.empty() && found.size() < max_replies) {
        const json& view = *todo.back();
        todo.pop_back();
        if (auto post = view.find("post"); post != view.end() && post->is_object()) {
            if (auto reply = bluesky_reply(*post, our_did)) found.push_back(std::move(*reply));
        }
        auto replies = view.find("replies");
        if (replies == view.end() || !replies->is_array()) continue;
        for (const json& child : *replies) {
            if (child.is_object()) todo.push_back(&child);
        }
    }
    std::stable_sort(found.begin(), found.end(), [](const auto& a, const auto& b) { return a.first < b.first; });
    std::vector<FollowerReply> replies;
    for (auto& [created, reply] : found) replies.push_back(std::move(reply));
    return replies;
}

std::string parse_xrpc_error_name(std::string_view body) { return string_at(parse_object(body), "error"); }

std::string parse_discord_message_id(std::string_view body) { return string_at(parse_object(body), "id"); }

}  // namespace orlive
