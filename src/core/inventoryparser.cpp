// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/inventoryparser.h"

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <iterator>
#include <limits>
#include <optional>
#include <string>
#include <string_view>

#include <toml++/toml.h>

#include <QHash>
#include <QRegularExpression>
#include <QStringList>

namespace kumo {

namespace {

constexpr int MinPollIntervalMs = 200;
constexpr int MaxPollIntervalMs = 3600000;

// How a libvirt URI is shaped, quoted in several messages.
QString uriForm()
{
    return QStringLiteral("driver[+transport]://[user@][host][:port]/path[?query]");
}

// parse() relies on toml::parse throwing toml::parse_error.
static_assert(TOML_EXCEPTIONS, "toml++ must be built with exceptions");

// Unwinds from deep inside the validator to Inventory::parse(); never escapes this file.
struct ParseFailure
{
    Error error;
};

QString q(std::string_view s)
{
    return QString::fromUtf8(s.data(), static_cast<qsizetype>(s.size()));
}

QString typeName(const toml::node& node)
{
    // Indexed by toml::node_type.
    static const char* const names[] = {QT_TRANSLATE_NOOP("kumo::Inventory", "nothing"),
                                        QT_TRANSLATE_NOOP("kumo::Inventory", "a table"),
                                        QT_TRANSLATE_NOOP("kumo::Inventory", "an array"),
                                        QT_TRANSLATE_NOOP("kumo::Inventory", "a string"),
                                        QT_TRANSLATE_NOOP("kumo::Inventory", "an integer"),
                                        QT_TRANSLATE_NOOP("kumo::Inventory", "a floating-point number"),
                                        QT_TRANSLATE_NOOP("kumo::Inventory", "a boolean"),
                                        QT_TRANSLATE_NOOP("kumo::Inventory", "a date"),
                                        QT_TRANSLATE_NOOP("kumo::Inventory", "a time"),
                                        QT_TRANSLATE_NOOP("kumo::Inventory", "a date-time")};
    static_assert(std::size(names) == static_cast<std::size_t>(toml::node_type::date_time) + 1);
    return Inventory::tr(names[static_cast<std::size_t>(node.type())]);
}

// Finds the first byte that is not part of a well-formed UTF-8 sequence (RFC 3629: no
// overlongs, no surrogates, nothing above U+10FFFF). Line and column count code points,
// as toml++ does, so every position in an error means the same thing.
std::optional<Error> checkUtf8(const QByteArray& data, const QString& fileName)
{
    const auto* bytes = reinterpret_cast<const unsigned char*>(data.constData());
    const qsizetype size = data.size();
    int line = 1;
    int column = 1;
    qsizetype i = 0;
    while (i < size) {
        const unsigned char b = bytes[i];
        int length = 0;
        unsigned char lo = 0x80;
        unsigned char hi = 0xBF;
        if (b < 0x80) {
            length = 1;
        } else if (b >= 0xC2 && b <= 0xDF) {
            length = 2;
        } else if (b >= 0xE0 && b <= 0xEF) {
            length = 3;
            if (b == 0xE0)
                lo = 0xA0;
            else if (b == 0xED)
                hi = 0x9F;
        } else if (b >= 0xF0 && b <= 0xF4) {
            length = 4;
            if (b == 0xF0)
                lo = 0x90;
            else if (b == 0xF4)
                hi = 0x8F;
        }
        bool valid = length > 0 && i + length <= size;
        for (int k = 1; valid && k < length; ++k) {
            const unsigned char c = bytes[i + k];
            valid = k == 1 ? (c >= lo && c <= hi) : (c >= 0x80 && c <= 0xBF);
        }
        // The whole broken sequence is reported at its first byte.
        if (!valid) {
            Error error;
            error.code = ErrorCode::InvalidInput;
            error.object = fileName;
            error.message = Inventory::tr("The file is not valid UTF-8: byte 0x%1 cannot appear here; "
                                          "save the inventory as UTF-8 text.")
                                .arg(b, 2, 16, QLatin1Char('0'));
            error.line = line;
            error.column = column;
            return error;
        }
        if (b == '\n') {
            ++line;
            column = 1;
        } else {
            ++column;
        }
        i += length;
    }
    return std::nullopt;
}

// toml++ recurses once per level of nested tables and arrays, while parsing and again when the
// tree is copied or destroyed, and limits only arrays and inline tables: a single line of 200,000
// dotted keys ("a.a.a… = 1") overflows the stack. This scan follows the TOML structure just far
// enough to know how deep each key and value sits (table header segments, dotted key segments,
// open arrays and inline tables) and reports the first place deeper than InventoryFile::MaxNesting,
// before toml++ sees the text. It runs after checkUtf8(), so the text is well-formed UTF-8.
class NestingScan
{
public:
    NestingScan(const QByteArray& data, const QString& fileName)
        : m_data(data)
        , m_fileName(fileName)
    {}

    std::optional<Error> run()
    {
        while (m_pos < m_data.size() && !m_error) {
            const char c = m_data.at(m_pos);
            if (c == '#') {
                skipComment();
            } else if (c == '"' || c == '\'') {
                skipString(c);
                m_keyStarted = true;
            } else if (c == '\n') {
                newLine();
                advance();
            } else if (m_inKey) {
                keyChar(c);
            } else {
                valueChar(c);
            }
        }
        return m_error;
    }

private:
    struct Frame
    {
        char open; // '[' or '{'
        int depth; // how deep the array or inline table itself sits
    };

    // How deep the keys of the current table sit: under the last header or the open inline table.
    [[nodiscard]] int tableDepth() const
    {
        return m_frames.isEmpty() ? m_headerDepth : m_frames.last().depth;
    }

    void check(int depth)
    {
        if (depth <= InventoryFile::MaxNesting || m_error)
            return;
        Error error;
        error.code = ErrorCode::InvalidInput;
        error.object = m_fileName;
        error.message = Inventory::tr("Tables, arrays or dotted keys are nested more than %1 levels deep "
                                      "here; an inventory needs only a few levels.")
                            .arg(InventoryFile::MaxNesting);
        error.line = m_line;
        error.column = m_column;
        m_error = error;
    }

    void advance()
    {
        const auto b = static_cast<unsigned char>(m_data.at(m_pos));
        if (b == '\n') {
            ++m_line;
            m_column = 1;
        } else if ((b & 0xC0) != 0x80) {
            ++m_column; // one per code point, as toml++ and checkUtf8() count
        }
        ++m_pos;
    }

    [[nodiscard]] bool startsWith(const char* text) const
    {
        return m_data.mid(m_pos, qsizetype(std::strlen(text))) == text;
    }

    void skipComment()
    {
        while (m_pos < m_data.size() && m_data.at(m_pos) != '\n')
            advance();
    }

    // Skips a basic or literal string, one-line or multi-line; an unterminated one ends at the end
    // of its line (one-line) or of the text (multi-line): toml++ reports those itself.
    void skipString(char quote)
    {
        const char triple[4] = {quote, quote, quote, '\0'};
        const bool basic = quote == '"';
        if (startsWith(triple)) {
            for (int i = 0; i < 3; ++i)
                advance();
            while (m_pos < m_data.size()) {
                if (basic && m_data.at(m_pos) == '\\') {
                    advance();
                    if (m_pos < m_data.size())
                        advance();
                    continue;
                }
                if (startsWith(triple)) {
                    for (int i = 0; i < 3; ++i)
                        advance();
                    // Up to two more quotes belong to the string: """a""""" is a"".
                    for (int i = 0; i < 2 && m_pos < m_data.size() && m_data.at(m_pos) == quote; ++i)
                        advance();
                    return;
                }
                advance();
            }
            return;
        }
        advance();
        while (m_pos < m_data.size() && m_data.at(m_pos) != '\n') {
            const char c = m_data.at(m_pos);
            advance();
            if (c == quote)
                return;
            if (basic && c == '\\' && m_pos < m_data.size() && m_data.at(m_pos) != '\n')
                advance();
        }
    }

    void newLine()
    {
        if (!m_frames.isEmpty())
            return; // a multi-line array goes on
        m_inKey = true;
        m_keyStarted = false;
        m_keySegments = 1;
    }

    void keyChar(char c)
    {
        if (c == '[' && m_frames.isEmpty() && !m_keyStarted) {
            header();
            return;
        }
        if (c == '.') {
            ++m_keySegments;
            check(tableDepth() + m_keySegments);
        } else if (c == '=') {
            m_valueDepth = tableDepth() + m_keySegments;
            m_inKey = false;
        } else if (c == '}' && !m_frames.isEmpty()) {
            close(); // {} or a trailing comma
        } else if (c != ' ' && c != '\t' && c != '\r') {
            m_keyStarted = true;
        }
        advance();
    }

    // [a.b.c] or [[a.b.c]]: the keys below it sit one level under each segment (and, for an array
    // of tables, one more for the array).
    void header()
    {
        advance();
        int depth = 1;
        if (m_pos < m_data.size() && m_data.at(m_pos) == '[') {
            ++depth;
            advance();
        }
        check(depth);
        while (m_pos < m_data.size() && !m_error) {
            const char c = m_data.at(m_pos);
            if (c == '"' || c == '\'') {
                skipString(c);
                continue;
            }
            if (c == ']' || c == '\n' || c == '#')
                break;
            if (c == '.')
                check(++depth);
            advance();
        }
        m_headerDepth = depth;
        // The rest of the line is "]", "]]", a comment or (invalid) anything else: read as a value,
        // so that a stray bracket still counts.
        m_inKey = false;
        m_valueDepth = depth;
    }

    void valueChar(char c)
    {
        if (c == '[' || c == '{') {
            m_frames.append({c, m_valueDepth});
            check(m_valueDepth + 1);
            if (c == '{') {
                m_inKey = true;
                m_keyStarted = false;
                m_keySegments = 1;
            } else {
                m_valueDepth += 1;
            }
        } else if (c == ',' && !m_frames.isEmpty()) {
            if (m_frames.last().open == '{') {
                m_inKey = true;
                m_keyStarted = false;
                m_keySegments = 1;
            } else {
                m_valueDepth = m_frames.last().depth + 1;
            }
        } else if ((c == ']' || c == '}') && !m_frames.isEmpty()) {
            close();
        }
        advance();
    }

    void close()
    {
        m_frames.removeLast();
        m_inKey = false;
        if (!m_frames.isEmpty() && m_frames.last().open == '[')
            m_valueDepth = m_frames.last().depth + 1;
    }

    const QByteArray& m_data;
    const QString& m_fileName;
    qsizetype m_pos = 0;
    int m_line = 1;
    int m_column = 1;
    QList<Frame> m_frames; // never deeper than MaxNesting: the scan stops there
    int m_headerDepth = 0;
    int m_valueDepth = 0;
    int m_keySegments = 1;
    bool m_inKey = true;
    bool m_keyStarted = false;
    std::optional<Error> m_error;
};

class Parser
{
public:
    explicit Parser(QString fileName)
        : m_fileName(std::move(fileName))
    {}

    Inventory run(const toml::table& root);

private:
    [[noreturn]] void fail(const toml::source_region& where, const QString& message,
                           const QString& detail = {}) const
    {
        Error error;
        error.code = ErrorCode::InvalidInput;
        error.object = m_fileName;
        error.message = message;
        error.detail = detail;
        error.line = static_cast<int>(where.begin.line);
        error.column = static_cast<int>(where.begin.column);
        throw ParseFailure{error};
    }
    [[noreturn]] void failAtStart(const QString& message) const
    {
        toml::source_region start;
        start.begin = {1, 1};
        fail(start, message);
    }
    [[noreturn]] void failType(const toml::node& node, const QString& key, const QString& context,
                               const QString& expected) const
    {
        fail(node.source(), Inventory::tr("The key \"%1\" in %2 must be %3, not %4.")
                                .arg(key, context, expected, typeName(node)));
    }

    void checkKeys(const toml::table& table, const QString& context, const QStringList& allowed) const;
    QString string(const toml::table& table, std::string_view key, const QString& context,
                   bool required) const;
    std::int64_t integer(const toml::table& table, std::string_view key, const QString& context,
                         std::int64_t min, std::int64_t max, std::int64_t fallback) const;
    bool boolean(const toml::table& table, std::string_view key, const QString& context) const;
    QList<const toml::table*> tables(const toml::node& value, const QString& key,
                                     const QString& context) const;

    Site parseSite(const toml::table& table);
    NodeConfig parseNode(const toml::table& table, const Inventory& inventory);
    InstanceConfig parseInstance(const toml::table& table, const Inventory& inventory);
    ServiceProbe parseProbe(const toml::table& table);
    void parseAlerts(const toml::node& alerts, Inventory& inventory) const;
    // One [alerts] table's settings for everyone, a node or an instance (by name).
    void parseAlertTable(const toml::table& table, const QString& context, const QString& node,
                         const QString& instance, Inventory& inventory) const;
    void parseProbeOptions(const toml::table& table, const QString& context, ServiceProbe& probe);
    QList<ServiceProbe> parseProbeList(const toml::node& value, const QString& context);
    void checkUri(const toml::node& where, const QString& uri) const;
    // A name people read (campus, node, instance): one line of text of at most MaxNameLength
    // characters, without control characters.
    void checkName(const toml::table& table, std::string_view key, const QString& name,
                   const QString& context) const;
    void checkUnique(QHash<QString, int>& seen, const QString& value, const toml::node& where,
                     const QString& message) const;

    QString m_fileName;
    QHash<QString, int> m_siteLines;
    QHash<QString, int> m_nodeLines;
    QHash<QString, int> m_instanceLines;
};

void Parser::checkKeys(const toml::table& table, const QString& context, const QStringList& allowed) const
{
    // Report the unknown key that comes first in the file, not first in toml++'s key order.
    const toml::key* first = nullptr;
    for (auto&& [key, value] : table) {
        if (allowed.contains(q(key.str())))
            continue;
        const auto& pos = key.source().begin;
        if (!first || pos.line < first->source().begin.line ||
            (pos.line == first->source().begin.line && pos.column < first->source().begin.column))
            first = &key;
    }
    if (first)
        fail(first->source(), Inventory::tr("Unknown key \"%1\" in %2; expected one of: %3.")
                                  .arg(q(first->str()), context, allowed.join(QStringLiteral(", "))));
}

QString Parser::string(const toml::table& table, std::string_view key, const QString& context,
                       bool required) const
{
    const toml::node* node = table.get(key);
    if (!node) {
        if (required)
            fail(table.source(), Inventory::tr("Missing required key \"%1\" in %2.").arg(q(key), context));
        return {};
    }
    if (!node->is_string())
        failType(*node, q(key), context, Inventory::tr("a string"));
    QString value = q(node->as_string()->get());
    if (required && value.trimmed().isEmpty())
        fail(node->source(), Inventory::tr("The key \"%1\" in %2 must not be empty.").arg(q(key), context));
    return value;
}

std::int64_t Parser::integer(const toml::table& table, std::string_view key, const QString& context,
                             std::int64_t min, std::int64_t max, std::int64_t fallback) const
{
    const toml::node* node = table.get(key);
    if (!node)
        return fallback;
    if (!node->is_integer())
        failType(*node, q(key), context, Inventory::tr("an integer"));
    const std::int64_t value = node->as_integer()->get();
    if (value < min || value > max)
        fail(node->source(), Inventory::tr("The key \"%1\" in %2 must be between %3 and %4, not %5.")
                                 .arg(q(key), context)
                                 .arg(min)
                                 .arg(max)
                                 .arg(value));
    return value;
}

bool Parser::boolean(const toml::table& table, std::string_view key, const QString& context) const
{
    const toml::node* node = table.get(key);
    if (!node)
        return false;
    if (!node->is_boolean())
        failType(*node, q(key), context, Inventory::tr("a boolean (true or false)"));
    return node->as_boolean()->get();
}

QList<const toml::table*> Parser::tables(const toml::node& value, const QString& key,
                                         const QString& context) const
{
    const QString expected = Inventory::tr("an array of tables ([[%1]])").arg(key);
    const toml::array* array = value.as_array();
    if (!array) {
        if (context.isEmpty())
            fail(value.source(), Inventory::tr("The top-level key \"%1\" must be %2, not %3.")
                                     .arg(key, expected, typeName(value)));
        failType(value, key, context, expected);
    }
    QList<const toml::table*> result;
    for (const toml::node& element : *array) {
        if (!element.is_table())
            fail(element.source(),
                 Inventory::tr("Each entry of \"%1\" must be a table, not %2.").arg(key, typeName(element)));
        result.append(element.as_table());
    }
    return result;
}

void Parser::checkUnique(QHash<QString, int>& seen, const QString& value, const toml::node& where,
                         const QString& message) const
{
    const auto it = seen.constFind(value);
    if (it != seen.constEnd())
        fail(where.source(), message.arg(value).arg(*it));
    seen.insert(value, static_cast<int>(where.source().begin.line));
}

void Parser::checkName(const toml::table& table, std::string_view key, const QString& name,
                       const QString& context) const
{
    const toml::node* where = table.get(key);
    if (!where)
        return;
    qsizetype length = 0;
    for (const QChar c : name) {
        if (c.isLowSurrogate())
            continue; // counted with its high surrogate: one character
        ++length;
        const QChar::Category category = c.category();
        if (category == QChar::Other_Control || category == QChar::Separator_Line ||
            category == QChar::Separator_Paragraph)
            fail(where->source(),
                 Inventory::tr("The key \"%1\" in %2 contains the control character U+%3; a name is one "
                               "line of text without control characters.")
                     .arg(q(key), context,
                          QStringLiteral("%1").arg(c.unicode(), 4, 16, QLatin1Char('0')).toUpper()));
    }
    if (length > InventoryFile::MaxNameLength)
        fail(where->source(), Inventory::tr("The key \"%1\" in %2 is %3 characters long; a name may have "
                                            "at most %4.")
                                  .arg(q(key), context)
                                  .arg(length)
                                  .arg(InventoryFile::MaxNameLength));
}

} // namespace

namespace detail {

QString uriProblem(const QString& uri)
{
    static const QRegularExpression space(QStringLiteral("\\s"));
    static const QRegularExpression driver(QStringLiteral("^[a-z][a-z0-9]*$"));
    static const QRegularExpression transport(QStringLiteral("^[a-z0-9]+$"));
    static const QStringList transports{
        QStringLiteral("unix"),   QStringLiteral("ssh"),     QStringLiteral("tcp"), QStringLiteral("tls"),
        QStringLiteral("libssh"), QStringLiteral("libssh2"), QStringLiteral("ext")};
    const QString example = QStringLiteral("qemu:///system");

    if (uri.contains(space))
        return Inventory::tr("The URI \"%1\" contains whitespace; a libvirt URI looks like %2, "
                             "e.g. \"%3\".")
            .arg(uri, uriForm(), example);
    QString invalid = Inventory::tr("The URI \"%1\" is not a valid libvirt URI; a libvirt URI looks "
                                    "like %2, e.g. \"%3\".")
                          .arg(uri, uriForm(), example);
    const qsizetype sep = uri.indexOf(QLatin1String("://"));
    if (sep < 0 && uri.indexOf(QLatin1Char(':')) > 0)
        return invalid;
    if (sep <= 0)
        return Inventory::tr("The URI \"%1\" has no scheme; a libvirt URI looks like %2, "
                             "e.g. \"%3\".")
            .arg(uri, uriForm(), example);
    const QString scheme = uri.left(sep);
    const qsizetype plus = scheme.indexOf(QLatin1Char('+'));
    const QString driverPart = plus < 0 ? scheme : scheme.left(plus);
    const QString transportPart = plus < 0 ? QString() : scheme.mid(plus + 1);
    if (!driver.match(driverPart).hasMatch() || (plus >= 0 && !transport.match(transportPart).hasMatch()))
        return Inventory::tr("The URI \"%1\" has an invalid scheme \"%2\"; expected a driver "
                             "such as qemu or test, optionally followed by +transport.")
            .arg(uri, scheme);
    if (plus >= 0 && !transports.contains(transportPart))
        return Inventory::tr("The URI \"%1\" uses the unknown transport \"%2\"; expected one "
                             "of: %3.")
            .arg(uri, transportPart, transports.join(QStringLiteral(", ")));

    // After the scheme: [user@][host][:port] then a path that starts with "/".
    const QString rest = uri.mid(sep + 3);
    const qsizetype pathStart = rest.indexOf(QLatin1Char('/'));
    const qsizetype queryStart = rest.indexOf(QLatin1Char('?'));
    bool valid =
        pathStart >= 0 && (queryStart < 0 || pathStart < queryStart) && !rest.contains(QLatin1Char('#'));
    if (valid) {
        QString hostPort = rest.left(pathStart);
        hostPort = hostPort.mid(hostPort.lastIndexOf(QLatin1Char('@')) + 1);
        const qsizetype bracket = hostPort.lastIndexOf(QLatin1Char(']'));
        const qsizetype colon = hostPort.lastIndexOf(QLatin1Char(':'));
        if (colon >= 0 && colon > bracket) {
            bool isNumber = false;
            const int port = hostPort.mid(colon + 1).toInt(&isNumber);
            valid = isNumber && port >= 1 && port <= 65535;
        }
    }
    return valid ? QString() : invalid;
}

} // namespace detail

namespace {

void Parser::checkUri(const toml::node& where, const QString& uri) const
{
    const QString problem = detail::uriProblem(uri);
    if (!problem.isEmpty())
        fail(where.source(), problem);
}

Site Parser::parseSite(const toml::table& table)
{
    const QString context = QStringLiteral("[[site]]");
    checkKeys(table, context,
              {QStringLiteral("id"), QStringLiteral("name"), QStringLiteral("name_ja"),
               QStringLiteral("color"), QStringLiteral("position"),
               QStringLiteral("trusted_migration_network")});
    static const QRegularExpression idPattern(QStringLiteral("^[a-z0-9_-]+$"));
    static const QRegularExpression colorPattern(QStringLiteral("^#[0-9a-fA-F]{6}$"));

    Site site;
    site.id = string(table, "id", context, true);
    checkName(table, "id", site.id, context);
    if (!idPattern.match(site.id).hasMatch())
        fail(table.get("id")->source(),
             Inventory::tr("The site id \"%1\" is not valid; use lowercase letters, digits, \"_\" and "
                           "\"-\", e.g. \"myodaiji\".")
                 .arg(site.id));
    checkUnique(m_siteLines, site.id, *table.get("id"),
                Inventory::tr("The site id \"%1\" is already used on line %2; each site needs its own id."));
    site.name = string(table, "name", context, true);
    checkName(table, "name", site.name, context);
    site.nameJa = string(table, "name_ja", context, false);
    checkName(table, "name_ja", site.nameJa, context);
    site.color = string(table, "color", context, false);
    if (table.contains("color") && !colorPattern.match(site.color).hasMatch())
        fail(table.get("color")->source(),
             Inventory::tr("The color \"%1\" is not valid; expected #rrggbb, e.g. \"#2f6fb3\".")
                 .arg(site.color));
    if (const toml::node* position = table.get("position")) {
        const toml::array* array = position->as_array();
        bool valid = array && array->size() == 2;
        double xy[2] = {0.0, 0.0};
        for (std::size_t i = 0; valid && i < 2; ++i) {
            const toml::node& element = *array->get(i);
            if (const auto* integer = element.as_integer())
                xy[i] = static_cast<double>(integer->get());
            else if (const auto* floating = element.as_floating_point())
                xy[i] = floating->get();
            else
                valid = false;
            valid = valid && std::isfinite(xy[i]);
        }
        if (!valid)
            fail(position->source(),
                 Inventory::tr("The key \"position\" in %1 must be two numbers, e.g. [0.0, 0.0].")
                     .arg(context));
        site.position = QPointF(xy[0], xy[1]);
    }
    site.trustedMigrationNetwork = boolean(table, "trusted_migration_network", context);
    return site;
}

NodeConfig Parser::parseNode(const toml::table& table, const Inventory& inventory)
{
    const QString context = QStringLiteral("[[node]]");
    checkKeys(table, context,
              {QStringLiteral("name"), QStringLiteral("site"), QStringLiteral("uri"),
               QStringLiteral("migration_uri"), QStringLiteral("migration_address"),
               QStringLiteral("maintenance"), QStringLiteral("allow_insecure"),
               QStringLiteral("memory_reserve_mib"), QStringLiteral("read_only"),
               QStringLiteral("migration_tls"), QStringLiteral("migration_tls_name"),
               QStringLiteral("trusted_migration_network")});
    static const QRegularExpression migrationUriPattern(QStringLiteral("^[a-z][a-z0-9+.-]*:[^\\s]+$"));

    NodeConfig node;
    node.name = string(table, "name", context, true);
    checkName(table, "name", node.name, context);
    checkUnique(m_nodeLines, node.name, *table.get("name"),
                Inventory::tr("The node name \"%1\" is already used on line %2; node names must be unique."));
    node.site = string(table, "site", context, true);
    if (!inventory.site(node.site)) {
        QStringList known;
        for (const Site& site : inventory.sites)
            known.append(site.id);
        fail(table.get("site")->source(),
             Inventory::tr("The node \"%1\" is on the unknown site \"%2\"; known sites: %3.")
                 .arg(node.name, node.site, known.join(QStringLiteral(", "))));
    }
    node.uri = string(table, "uri", context, true);
    checkUri(*table.get("uri"), node.uri);
    node.migrationUri = string(table, "migration_uri", context, false);
    if (!node.migrationUri.isEmpty() && !migrationUriPattern.match(node.migrationUri).hasMatch())
        fail(table.get("migration_uri")->source(),
             Inventory::tr("The migration URI \"%1\" is not valid; expected scheme://host[:port], e.g. "
                           "\"tcp://10.0.0.2:49152\".")
                 .arg(node.migrationUri));
    node.migrationAddress = string(table, "migration_address", context, false);
    node.maintenance = boolean(table, "maintenance", context);
    node.allowInsecure = boolean(table, "allow_insecure", context);
    // Up to 1 PiB: more than any node has, small enough to count in KiB without overflow.
    node.memoryReserveMiB = quint64(integer(table, "memory_reserve_mib", context, 0, qint64(1) << 30, 0));
    node.readOnly = boolean(table, "read_only", context);
    node.migrationTls = boolean(table, "migration_tls", context);
    node.migrationTlsName = string(table, "migration_tls_name", context, false);
    if (table.contains("trusted_migration_network"))
        node.trustedMigrationNetwork = boolean(table, "trusted_migration_network", context);
    return node;
}

ServiceProbe Parser::parseProbe(const toml::table& table)
{
    const QString context = QStringLiteral("[[instance.probe]]");
    checkKeys(table, context,
              {QStringLiteral("kind"), QStringLiteral("host"), QStringLiteral("port"), QStringLiteral("path"),
               QStringLiteral("expect"), QStringLiteral("ehlo"), QStringLiteral("timeout_ms"),
               QStringLiteral("interval_ms")});
    static const QStringList kinds{QStringLiteral("tcp"), QStringLiteral("smtp"), QStringLiteral("http"),
                                   QStringLiteral("https")};

    ServiceProbe probe;
    probe.kind = string(table, "kind", context, true);
    if (!kinds.contains(probe.kind))
        fail(table.get("kind")->source(), Inventory::tr("Unknown probe kind \"%1\"; expected one of: %2.")
                                              .arg(probe.kind, kinds.join(QStringLiteral(", "))));
    probe.host = string(table, "host", context, true);
    if (!table.contains("port"))
        fail(table.source(),
             Inventory::tr("Missing required key \"%1\" in %2.").arg(QStringLiteral("port"), context));
    probe.port = static_cast<int>(integer(table, "port", context, 1, 65535, 0));
    probe.path = string(table, "path", context, false);
    if (table.contains("path")) {
        if (probe.kind != QLatin1String("http") && probe.kind != QLatin1String("https"))
            fail(table.get("path")->source(),
                 Inventory::tr(
                     "The key \"path\" is only used by http probes; remove it or set kind = \"http\"."));
        if (!probe.path.startsWith(QLatin1Char('/')))
            fail(table.get("path")->source(),
                 Inventory::tr("The HTTP path \"%1\" must start with \"/\", e.g. \"/health\".")
                     .arg(probe.path));
    }
    parseProbeOptions(table, context, probe);
    return probe;
}

void Parser::parseProbeOptions(const toml::table& table, const QString& context, ServiceProbe& probe)
{
    probe.expect = string(table, "expect", context, false);
    if (table.contains("expect") && probe.kind != QLatin1String("http") &&
        probe.kind != QLatin1String("https"))
        fail(table.get("expect")->source(),
             Inventory::tr("The key \"expect\" is only used by http and https probes; remove it."));
    probe.ehlo = string(table, "ehlo", context, false);
    if (table.contains("ehlo") && probe.kind != QLatin1String("smtp"))
        fail(table.get("ehlo")->source(),
             Inventory::tr("The key \"ehlo\" is only used by smtp probes; remove it."));
    probe.timeoutMs = static_cast<int>(integer(table, "timeout_ms", context, ServiceProbe::MinTimeoutMs,
                                               ServiceProbe::MaxTimeoutMs, ServiceProbe::DefaultTimeoutMs));
    probe.intervalMs =
        static_cast<int>(integer(table, "interval_ms", context, ServiceProbe::MinIntervalMs,
                                 ServiceProbe::MaxIntervalMs, ServiceProbe::DefaultIntervalMs));
}

QList<ServiceProbe> Parser::parseProbeList(const toml::node& value, const QString& context)
{
    const toml::array* array = value.as_array();
    if (!array)
        failType(value, QStringLiteral("probes"), context,
                 Inventory::tr("an array of probe URLs, e.g. [\"tcp://192.0.2.12:389\"]"));
    QList<ServiceProbe> probes;
    for (const toml::node& element : *array) {
        QString problem;
        if (const auto* text = element.as_string()) {
            const auto probe = parseProbeUrl(q(text->get()), &problem);
            if (!probe)
                fail(element.source(), problem);
            probes.append(*probe);
        } else if (const toml::table* table = element.as_table()) {
            const QString tableContext = QStringLiteral("probes = [{ ... }]");
            checkKeys(*table, tableContext,
                      {QStringLiteral("url"), QStringLiteral("expect"), QStringLiteral("ehlo"),
                       QStringLiteral("timeout_ms"), QStringLiteral("interval_ms")});
            const QString url = string(*table, "url", tableContext, true);
            auto probe = parseProbeUrl(url, &problem);
            if (!probe)
                fail(table->get("url")->source(), problem);
            parseProbeOptions(*table, tableContext, *probe);
            probes.append(*probe);
        } else {
            fail(element.source(), Inventory::tr("Each entry of \"probes\" must be a URL string or an inline "
                                                 "table with \"url\", not %1.")
                                       .arg(typeName(element)));
        }
    }
    return probes;
}

InstanceConfig Parser::parseInstance(const toml::table& table, const Inventory& inventory)
{
    const QString context = QStringLiteral("[[instance]]");
    checkKeys(table, context,
              {QStringLiteral("name"), QStringLiteral("home_node"), QStringLiteral("evacuation_priority"),
               QStringLiteral("anti_affinity"), QStringLiteral("probe"), QStringLiteral("probes")});

    InstanceConfig instance;
    instance.name = string(table, "name", context, true);
    checkName(table, "name", instance.name, context);
    checkUnique(m_instanceLines, instance.name, *table.get("name"),
                Inventory::tr("The instance name \"%1\" is already used on line %2; each instance may appear "
                              "only once."));
    instance.homeNode = string(table, "home_node", context, false);
    if (table.contains("home_node") && !inventory.node(instance.homeNode)) {
        QStringList known;
        for (const NodeConfig& node : inventory.nodes)
            known.append(node.name);
        fail(table.get("home_node")->source(),
             Inventory::tr("The instance \"%1\" has the unknown home node \"%2\"; known nodes: %3.")
                 .arg(instance.name, instance.homeNode, known.join(QStringLiteral(", "))));
    }
    instance.evacuationPriority =
        static_cast<int>(integer(table, "evacuation_priority", context, std::numeric_limits<int>::min(),
                                 std::numeric_limits<int>::max(), 0));
    instance.antiAffinityGroup = string(table, "anti_affinity", context, false);
    checkName(table, "anti_affinity", instance.antiAffinityGroup, context);
    if (const toml::node* probes = table.get("probe")) {
        for (const toml::table* probe : tables(*probes, QStringLiteral("probe"), context))
            instance.probes.append(parseProbe(*probe));
    }
    if (const toml::node* probes = table.get("probes"))
        instance.probes.append(parseProbeList(*probes, context));
    return instance;
}

// The [alerts] keys of one rule: "<prefix>_enabled", for a rule with a threshold
// "<prefix>_<unit>" (raise) and "<prefix>_clear_<unit>" (clear), for a level rule
// "<prefix>_seconds" (how long the condition must hold).
struct AlertKeys
{
    AlertKind kind;
    const char* prefix;
    const char* unit; // nullptr: a condition or an event, no threshold
    double min;
    double max;
    bool instanceScope; // may be set for one instance (else for everyone or a node only)
};

constexpr AlertKeys alertKeys[] = {
    {AlertKind::NodeUnreachable, "node_unreachable", nullptr, 0, 0, false},
    {AlertKind::ConnectionLost, "connection_lost", nullptr, 0, 0, false},
    {AlertKind::InstanceCrashed, "instance_crashed", nullptr, 0, 0, true},
    {AlertKind::InstanceIoError, "instance_io_error", nullptr, 0, 0, true},
    {AlertKind::InstanceWatchdog, "instance_watchdog", nullptr, 0, 0, true},
    {AlertKind::NodeMemoryLow, "node_memory_free", "percent", 0, 100, false},
    {AlertKind::StoragePoolLow, "storage_pool_free", "percent", 0, 100, false},
    {AlertKind::HostCpuHigh, "host_cpu", "percent", 0, 100, false},
    {AlertKind::MigrationFailed, "migration_failed", nullptr, 0, 0, true},
    {AlertKind::ProbeFailing, "probe", "failures", 1, 1000, true},
    {AlertKind::SplitBrain, "split_brain", nullptr, 0, 0, true},
};
static_assert(std::size(alertKeys) == AlertKindCount);

constexpr std::int64_t MaxAlertSustainSeconds = 86400;

AlertRule defaultRule(AlertKind kind)
{
    static const AlertEngine defaults;
    return defaults.rule(kind);
}

void Parser::parseAlerts(const toml::node& alerts, Inventory& inventory) const
{
    const QString context = QStringLiteral("[alerts]");
    const toml::table* table = alerts.as_table();
    if (!table)
        fail(alerts.source(),
             Inventory::tr("The top-level key \"%1\" must be %2, not %3.")
                 .arg(QStringLiteral("alerts"), Inventory::tr("a table ([alerts])"), typeName(alerts)));
    parseAlertTable(*table, context, {}, {}, inventory);

    // [alerts.node.NAME] and [alerts.instance.NAME], each a table of tables.
    for (const char* scope : {"node", "instance"}) {
        const toml::node* group = table->get(scope);
        if (!group)
            continue;
        const bool isNode = std::strcmp(scope, "node") == 0;
        if (!group->is_table())
            failType(*group, QString::fromLatin1(scope), context,
                     Inventory::tr("a table of tables ([alerts.%1.NAME])").arg(QString::fromLatin1(scope)));
        for (auto&& [key, value] : *group->as_table()) {
            const QString name = q(key.str());
            const QString inner = QStringLiteral("[alerts.%1.%2]").arg(QString::fromLatin1(scope), name);
            if (!value.is_table())
                fail(value.source(),
                     Inventory::tr("The key \"%1\" in %2 must be %3, not %4.")
                         .arg(name, QStringLiteral("[alerts.%1]").arg(QString::fromLatin1(scope)),
                              Inventory::tr("a table"), typeName(value)));
            if (isNode && !inventory.node(name)) {
                QStringList known;
                for (const NodeConfig& node : inventory.nodes)
                    known.append(node.name);
                fail(key.source(), Inventory::tr("The alert settings %1 name the unknown node \"%2\"; known "
                                                 "nodes: %3.")
                                       .arg(inner, name, known.join(QStringLiteral(", "))));
            }
            parseAlertTable(*value.as_table(), inner, isNode ? name : QString(), isNode ? QString() : name,
                            inventory);
        }
    }
}

void Parser::parseAlertTable(const toml::table& table, const QString& context, const QString& node,
                             const QString& instance, Inventory& inventory) const
{
    const bool forInstance = !instance.isEmpty();
    QStringList allowed{QStringLiteral("enabled")};
    if (node.isEmpty() && !forInstance)
        allowed << QStringLiteral("node") << QStringLiteral("instance");
    for (const AlertKeys& keys : alertKeys) {
        if (forInstance && !keys.instanceScope)
            continue;
        const QString prefix = QString::fromLatin1(keys.prefix);
        allowed.append(prefix + QStringLiteral("_enabled"));
        if (keys.unit) {
            allowed.append(prefix + QLatin1Char('_') + QString::fromLatin1(keys.unit));
            allowed.append(prefix + QStringLiteral("_clear_") + QString::fromLatin1(keys.unit));
        }
        if (!defaultRule(keys.kind).event)
            allowed.append(prefix + QStringLiteral("_seconds"));
    }
    checkKeys(table, context, allowed);

    auto number = [&](const std::string& key, double min, double max) -> std::optional<double> {
        const toml::node* value = table.get(key);
        if (!value)
            return std::nullopt;
        if (!value->is_number())
            failType(*value, QString::fromStdString(key), context, Inventory::tr("a number"));
        const double figure =
            value->is_integer() ? double(value->as_integer()->get()) : value->as_floating_point()->get();
        if (!(figure >= min && figure <= max))
            fail(value->source(), Inventory::tr("The key \"%1\" in %2 must be between %3 and %4, not %5.")
                                      .arg(QString::fromStdString(key), context)
                                      .arg(min)
                                      .arg(max)
                                      .arg(figure));
        return figure;
    };

    const bool allOff = table.get("enabled") && !boolean(table, "enabled", context);
    const bool allOn = table.get("enabled") && !allOff;
    for (const AlertKeys& keys : alertKeys) {
        if (forInstance && !keys.instanceScope)
            continue;
        const std::string prefix = keys.prefix;
        AlertSetting setting;
        setting.node = node;
        setting.instance = instance;
        setting.kind = keys.kind;
        if (allOff || allOn)
            setting.enabled = allOn;
        if (table.get(prefix + "_enabled"))
            setting.enabled = boolean(table, prefix + "_enabled", context);
        if (keys.unit) {
            const std::string unit = keys.unit;
            setting.raiseAt = number(prefix + "_" + unit, keys.min, keys.max);
            setting.clearAt = number(prefix + "_clear_" + unit, keys.min, keys.max);
            if (setting.raiseAt && setting.clearAt) {
                // Hysteresis: a rule clears on the near side of where it is raised.
                const bool below = defaultRule(keys.kind).below;
                if (below ? *setting.clearAt < *setting.raiseAt : *setting.clearAt > *setting.raiseAt)
                    fail(table.get(prefix + "_clear_" + unit)->source(),
                         below
                             ? Inventory::tr("The key \"%1\" in %2 must not be under \"%3\" (%4): the alert "
                                             "clears once the value is back above it.")
                                   .arg(QString::fromStdString(prefix + "_clear_" + unit), context,
                                        QString::fromStdString(prefix + "_" + unit))
                                   .arg(*setting.raiseAt)
                             : Inventory::tr("The key \"%1\" in %2 must not be over \"%3\" (%4): the alert "
                                             "clears once the value is back under it.")
                                   .arg(QString::fromStdString(prefix + "_clear_" + unit), context,
                                        QString::fromStdString(prefix + "_" + unit))
                                   .arg(*setting.raiseAt));
            }
        }
        if (!defaultRule(keys.kind).event) {
            const std::string key = prefix + "_seconds";
            if (table.get(key))
                setting.sustainMs = integer(table, key, context, 0, MaxAlertSustainSeconds, 0) * 1000;
        }
        if (setting.enabled || setting.raiseAt || setting.clearAt || setting.sustainMs)
            inventory.alertSettings.append(setting);
    }
}

Inventory Parser::run(const toml::table& root)
{
    if (root.empty())
        failAtStart(
            Inventory::tr("The inventory is empty: it needs at least one [[site]] and one [[node]]."));

    const QStringList topLevel{QStringLiteral("console"), QStringLiteral("site"), QStringLiteral("node"),
                               QStringLiteral("instance"), QStringLiteral("alerts")};
    for (auto&& [key, value] : root) {
        if (!topLevel.contains(q(key.str())))
            fail(key.source(), Inventory::tr("Unknown top-level key \"%1\"; expected one of: %2.")
                                   .arg(q(key.str()), topLevel.join(QStringLiteral(", "))));
    }

    Inventory inventory;
    if (const toml::node* console = root.get("console")) {
        const QString context = QStringLiteral("[console]");
        if (!console->is_table())
            fail(console->source(), Inventory::tr("The top-level key \"%1\" must be %2, not %3.")
                                        .arg(QStringLiteral("console"), Inventory::tr("a table ([console])"),
                                             typeName(*console)));
        checkKeys(*console->as_table(), context, {QStringLiteral("poll_interval_ms")});
        inventory.pollIntervalMs =
            static_cast<int>(integer(*console->as_table(), "poll_interval_ms", context, MinPollIntervalMs,
                                     MaxPollIntervalMs, Inventory::DefaultPollIntervalMs));
    }

    if (const toml::node* sites = root.get("site")) {
        for (const toml::table* site : tables(*sites, QStringLiteral("site"), {}))
            inventory.sites.append(parseSite(*site));
    }
    if (inventory.sites.isEmpty())
        failAtStart(Inventory::tr("The inventory has no [[site]]; it needs at least one."));

    if (const toml::node* nodes = root.get("node")) {
        for (const toml::table* node : tables(*nodes, QStringLiteral("node"), {}))
            inventory.nodes.append(parseNode(*node, inventory));
    }
    if (inventory.nodes.isEmpty())
        failAtStart(Inventory::tr("The inventory has no [[node]]; it needs at least one."));

    if (const toml::node* instances = root.get("instance")) {
        for (const toml::table* instance : tables(*instances, QStringLiteral("instance"), {}))
            inventory.instances.append(parseInstance(*instance, inventory));
    }
    if (const toml::node* alerts = root.get("alerts"))
        parseAlerts(*alerts, inventory);
    return inventory;
}

} // namespace

namespace detail {

Error fileTooLarge(const QString& fileName)
{
    Error error;
    error.code = ErrorCode::InvalidInput;
    error.object = fileName;
    error.message = Inventory::tr("The inventory file is larger than %1 MiB; an inventory is a short text "
                                  "file: check that this is the right file.")
                        .arg(InventoryFile::MaxBytes / (qint64{1024} * 1024));
    return error;
}

Result<Inventory> parseInventoryToml(const QByteArray& data, const QString& fileName)
{
    if (data.size() > InventoryFile::MaxBytes)
        return fileTooLarge(fileName);
    if (auto error = checkUtf8(data, fileName))
        return *error;
    if (auto error = NestingScan(data, fileName).run())
        return *error;
    try {
        const toml::table root =
            toml::parse(std::string_view(data.constData(), static_cast<std::size_t>(data.size())),
                        std::string_view(fileName.toStdString()));
        return Parser(fileName).run(root);
    } catch (const toml::parse_error& e) {
        Error error;
        error.code = ErrorCode::InvalidInput;
        error.object = fileName;
        error.message =
            Inventory::tr("The file is not valid TOML; see the detail for what the parser expected here.");
        error.detail = q(e.description());
        error.line = static_cast<int>(e.source().begin.line);
        error.column = static_cast<int>(e.source().begin.column);
        return error;
    } catch (const ParseFailure& failure) {
        return failure.error;
    }
}

} // namespace detail
} // namespace kumo
