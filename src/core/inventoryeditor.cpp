// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "core/inventoryeditor.h"
#include "core/inventoryfile.h"
#include "core/savefile.h"

#include <algorithm>
#include <functional>
#include <optional>
#include <set>
#include <string_view>

#include <toml++/toml.h>

#include <QDir>
#include <QFile>
#include <QFileInfo>
#include <QList>

namespace kumo {

namespace {

Error editError(ErrorCode code, const QString& fileName, const QString& message, const QString& detail = {})
{
    Error error;
    error.code = code;
    error.object = fileName;
    error.message = message;
    error.detail = detail;
    return error;
}

// A TOML basic string, as Inventory::toToml() writes them.
QString tomlString(const QString& value)
{
    QString out = QStringLiteral("\"");
    for (const QChar c : value) {
        const char16_t u = c.unicode();
        if (u == u'"' || u == u'\\')
            out += QLatin1Char('\\') + c;
        else if (u == u'\n')
            out += QStringLiteral("\\n");
        else if (u == u'\t')
            out += QStringLiteral("\\t");
        else if (u < 0x20 || u == 0x7F)
            out += QStringLiteral("\\u%1").arg(int(u), 4, 16, QLatin1Char('0'));
        else
            out += c;
    }
    return out + QLatin1Char('"');
}

QString boolText(bool value)
{
    return value ? QStringLiteral("true") : QStringLiteral("false");
}

// One key of a [[node]] table as Kumo writes it.
struct KeyValue
{
    const char* key;
    QString text;           // the TOML value
    bool isDefault = false; // the parser gives the same NodeConfig without the key
    bool canWrite = true;   // text means the default too (false: the key must be absent)
};

QList<KeyValue> keyValues(const NodeConfig& node)
{
    QList<KeyValue> values{
        {"name", tomlString(node.name)},
        {"site", tomlString(node.site)},
        {"uri", tomlString(node.uri)},
        {"migration_uri", tomlString(node.migrationUri), node.migrationUri.isEmpty()},
        {"migration_address", tomlString(node.migrationAddress), node.migrationAddress.isEmpty()},
        {"maintenance", boolText(node.maintenance), !node.maintenance},
        {"allow_insecure", boolText(node.allowInsecure), !node.allowInsecure},
        {"memory_reserve_mib", QString::number(node.memoryReserveMiB), node.memoryReserveMiB == 0},
        {"read_only", boolText(node.readOnly), !node.readOnly},
        {"migration_tls", boolText(node.migrationTls), !node.migrationTls},
        {"migration_tls_name", tomlString(node.migrationTlsName), node.migrationTlsName.isEmpty()},
        {"trusted_migration_network", boolText(node.trustedMigrationNetwork.value_or(false)),
         !node.trustedMigrationNetwork.has_value(), node.trustedMigrationNetwork.has_value()},
    };
    return values;
}

QString nodeTableText(const NodeConfig& node, const QString& eol)
{
    QString table = QStringLiteral("[[node]]") + eol;
    for (const KeyValue& value : keyValues(node)) {
        if (!value.isDefault)
            table += QString::fromLatin1(value.key) + QStringLiteral(" = ") + value.text + eol;
    }
    return table;
}

QString siteTableText(const Site& site, const QString& eol)
{
    QString table = QStringLiteral("[[site]]") + eol;
    table += QStringLiteral("id = ") + tomlString(site.id) + eol;
    table += QStringLiteral("name = ") + tomlString(site.name) + eol;
    if (!site.nameJa.isEmpty())
        table += QStringLiteral("name_ja = ") + tomlString(site.nameJa) + eol;
    if (!site.color.isEmpty())
        table += QStringLiteral("color = ") + tomlString(site.color) + eol;
    if (!site.position.isNull())
        table += QStringLiteral("position = [%1, %2]").arg(site.position.x()).arg(site.position.y()) + eol;
    if (site.trustedMigrationNetwork)
        table += QStringLiteral("trusted_migration_network = true") + eol;
    return table;
}

// Kumo never writes a file that does not read back as exactly what was meant: `bytes` parsed must
// give `intended`. `unreadable` says what a parse error means here (%1: the parser's message).
Result<Inventory> readsBackAs(const QByteArray& bytes, const QString& fileName, const Inventory& intended,
                              const QString& unreadable)
{
    auto check = Inventory::parse(bytes, fileName);
    if (!check) {
        Error error = check.error();
        error.message = unreadable.arg(error.message);
        error.line = 0;
        error.column = 0;
        return error;
    }
    if (!(check.value() == intended))
        return editError(
            ErrorCode::Internal, fileName,
            InventoryEditor::tr("Kumo could not change the file so that it reads back as intended, "
                                "so nothing was written; edit the file by hand."));
    return check;
}

// The file as text with the positions toml++ reports (1-based lines, columns in code points).
class Document
{
public:
    explicit Document(const QByteArray& bytes)
        : m_text(QString::fromUtf8(bytes))
    {
        m_lineStarts.append(0);
        for (qsizetype i = 0; i < m_text.size(); ++i) {
            if (m_text.at(i) == QLatin1Char('\n'))
                m_lineStarts.append(i + 1);
        }
        m_eol = m_text.contains(QLatin1String("\r\n")) ? QStringLiteral("\r\n") : QStringLiteral("\n");
    }

    [[nodiscard]] const QString& text() const { return m_text; }
    [[nodiscard]] const QString& eol() const { return m_eol; }
    [[nodiscard]] int lineCount() const { return static_cast<int>(m_lineStarts.size()); }
    // Start of a line; lineCount() + 1 gives the end of the text.
    [[nodiscard]] qsizetype lineStart(int line) const
    {
        return line <= lineCount() ? m_lineStarts.at(line - 1) : m_text.size();
    }
    [[nodiscard]] qsizetype offset(const toml::source_position& position) const
    {
        qsizetype i = lineStart(static_cast<int>(position.line));
        for (std::uint32_t column = 1; column < position.column && i < m_text.size(); ++column)
            i += m_text.at(i).isHighSurrogate() ? 2 : 1;
        return i;
    }
    [[nodiscard]] QString line(int line) const
    {
        const qsizetype start = lineStart(line);
        QString text = m_text.mid(start, lineStart(line + 1) - start);
        while (text.endsWith(QLatin1Char('\n')) || text.endsWith(QLatin1Char('\r')))
            text.chop(1);
        return text;
    }
    [[nodiscard]] bool isComment(int number) const
    {
        return line(number).trimmed().startsWith(QLatin1Char('#'));
    }

private:
    QString m_text;
    QList<qsizetype> m_lineStarts;
    QString m_eol;
};

// Where the tables of the file begin: every [header] and [[header]] line.
void collectHeaders(const toml::table& table, std::set<int>& lines)
{
    for (auto&& [key, value] : table) {
        if (const toml::table* child = value.as_table(); child && !child->is_inline()) {
            lines.insert(static_cast<int>(child->source().begin.line));
            collectHeaders(*child, lines);
        } else if (const toml::array* array = value.as_array()) {
            for (const toml::node& element : *array) {
                if (const toml::table* item = element.as_table(); item && !item->is_inline()) {
                    lines.insert(static_cast<int>(item->source().begin.line));
                    collectHeaders(*item, lines);
                }
            }
        }
    }
}

struct Edit
{
    qsizetype start = 0;
    qsizetype end = 0;
    QString replacement;
};

class Editor
{
public:
    Editor(const QByteArray& bytes, QString fileName)
        : m_bytes(bytes)
        , m_document(bytes)
        , m_fileName(std::move(fileName))
    {}

    // Parses the file twice: Kumo's parser for the inventory, toml++ for positions.
    Result<void> open()
    {
        auto parsed = Inventory::parse(m_bytes, m_fileName);
        if (!parsed) {
            Error error = parsed.error();
            error.message =
                InventoryEditor::tr("The inventory file has a problem, so Kumo does not change it: "
                                    "%1 Fix the file first.")
                    .arg(error.message);
            return error;
        }
        m_inventory = parsed.value();
        try {
            m_root =
                toml::parse(std::string_view(m_bytes.constData(), static_cast<std::size_t>(m_bytes.size())));
        } catch (const toml::parse_error& e) {
            return editError(ErrorCode::InvalidInput, m_fileName,
                             InventoryEditor::tr("The inventory file is not valid TOML."),
                             QString::fromUtf8(e.description().data(), qsizetype(e.description().size())));
        }
        collectHeaders(m_root, m_headers);
        const toml::array* nodes = m_root.get_as<toml::array>("node");
        if (!nodes)
            return refuseLayout();
        for (const toml::node& element : *nodes) {
            const toml::table* table = element.as_table();
            if (!table || table->is_inline())
                return refuseLayout();
            m_nodeTables.append(table);
        }
        return {};
    }

    [[nodiscard]] const Inventory& inventory() const { return m_inventory; }

    const toml::table* nodeTable(const QString& name) const
    {
        for (const toml::table* table : m_nodeTables) {
            const auto value = (*table)["name"].value<std::string_view>();
            if (value && QString::fromUtf8(value->data(), qsizetype(value->size())) == name)
                return table;
        }
        return nullptr;
    }

    // The last line of the table's own text: its header or the end of its last value.
    int lastLine(const toml::table& table) const
    {
        int last = static_cast<int>(table.source().begin.line);
        for (auto&& [key, value] : table)
            last = std::max(last, static_cast<int>(value.source().end.line));
        return last;
    }

    // The line before the next table's header (or the last line), less the comment lines
    // directly above that header: those belong to the next table.
    int regionEnd(const toml::table& table) const
    {
        const int header = static_cast<int>(table.source().begin.line);
        const auto next = m_headers.upper_bound(header);
        int end = next == m_headers.end() ? m_document.lineCount() : *next - 1;
        // A file that ends with a line break has an empty last "line" after it.
        if (next == m_headers.end() && m_document.line(end).isEmpty() && end > header)
            --end;
        const int last = lastLine(table);
        int end2 = end;
        while (end2 > last && m_document.isComment(end2))
            --end2;
        return end2;
    }

    Result<QByteArray> add(const NodeConfig& node, const std::optional<Site>& newSite)
    {
        if (m_inventory.node(node.name))
            return editError(
                ErrorCode::InvalidInput, m_fileName,
                InventoryEditor::tr("A node named \"%1\" is already in the inventory; choose another name.")
                    .arg(node.name));
        const QString eol = m_document.eol();
        QList<Edit> edits;
        Inventory intended = m_inventory;
        if (newSite) {
            if (m_inventory.site(newSite->id))
                return editError(ErrorCode::InvalidInput, m_fileName,
                                 InventoryEditor::tr("A campus with the id \"%1\" is already in the "
                                                     "inventory; choose it instead of adding it again.")
                                     .arg(newSite->id));
            const toml::array* sites = m_root.get_as<toml::array>("site");
            const toml::table* last = sites && !sites->empty() ? sites->back().as_table() : nullptr;
            if (!last || last->is_inline())
                return refuseLayout();
            // After the last campus, so the new one sits with the others.
            edits.append(insertAfter(lastLine(*last), eol + siteTableText(*newSite, eol)));
            intended.sites.append(*newSite);
        }
        // After the last node's own lines, so the new one sits with the others.
        edits.append(insertAfter(lastLine(*m_nodeTables.constLast()), eol + nodeTableText(node, eol)));
        intended.nodes.append(node);
        return finish(edits, intended);
    }

    // Text inserted at the start of the line after `line`.
    Edit insertAfter(int line, QString text) const
    {
        const qsizetype at = m_document.lineStart(line + 1);
        if (at == m_document.text().size() && !m_document.text().endsWith(QLatin1Char('\n')))
            text.prepend(m_document.eol());
        return Edit{at, at, text};
    }

    Result<QByteArray> replace(const QString& name, const NodeConfig& node)
    {
        const toml::table* table = nodeTable(name);
        if (!table)
            return notFound(name);
        if (node.name != name && m_inventory.node(node.name))
            return editError(
                ErrorCode::InvalidInput, m_fileName,
                InventoryEditor::tr("A node named \"%1\" is already in the inventory; choose another name.")
                    .arg(node.name));
        const NodeConfig& old = *m_inventory.node(name);
        const QList<KeyValue> before = keyValues(old);
        const QList<KeyValue> after = keyValues(node);
        QList<Edit> edits;
        QString inserted;
        const int last = lastLine(*table);
        QString indent;
        for (auto&& [key, value] : *table) {
            if (static_cast<int>(key.source().begin.line) == last ||
                static_cast<int>(value.source().end.line) == last) {
                const QString text = m_document.line(static_cast<int>(key.source().begin.line));
                indent = text.left(text.indexOf(QStringView(text).trimmed()));
            }
        }
        for (qsizetype i = 0; i < after.size(); ++i) {
            const KeyValue& was = before.at(i);
            const KeyValue& now = after.at(i);
            if (was.text == now.text && was.isDefault == now.isDefault)
                continue;
            const toml::node* existing = table->get(now.key);
            if (existing) {
                if (now.isDefault && !now.canWrite) {
                    // Remove the key's lines.
                    const toml::key* keyNode = nullptr;
                    for (auto&& [k, v] : *table) {
                        if (&v == existing)
                            keyNode = &k;
                    }
                    const int first = static_cast<int>(keyNode->source().begin.line);
                    const int end = static_cast<int>(existing->source().end.line);
                    edits.append(Edit{m_document.lineStart(first), m_document.lineStart(end + 1), {}});
                } else {
                    edits.append(Edit{m_document.offset(existing->source().begin),
                                      m_document.offset(existing->source().end), now.text});
                }
            } else if (!now.isDefault) {
                inserted += indent + QString::fromLatin1(now.key) + QStringLiteral(" = ") + now.text +
                            m_document.eol();
            }
        }
        if (!inserted.isEmpty()) {
            const qsizetype at = m_document.lineStart(last + 1);
            if (at == m_document.text().size() && !m_document.text().endsWith(QLatin1Char('\n')))
                inserted.prepend(m_document.eol());
            edits.append(Edit{at, at, inserted});
        }
        Inventory intended = m_inventory;
        for (NodeConfig& config : intended.nodes) {
            if (config.name == name)
                config = node;
        }
        return finish(edits, intended);
    }

    Result<QByteArray> remove(const QString& name)
    {
        const toml::table* table = nodeTable(name);
        if (!table)
            return notFound(name);
        int first = static_cast<int>(table->source().begin.line);
        // The comment lines directly above the header describe this node.
        while (first > 1 && m_document.isComment(first - 1) && !m_headers.contains(first - 1))
            --first;
        const int end = regionEnd(*table);
        // The last table of the file: the blank lines that separated it go with it.
        if (m_document.lineStart(end + 1) >= m_document.text().size()) {
            while (first > 1 && m_document.line(first - 1).trimmed().isEmpty())
                --first;
        }
        Inventory intended = m_inventory;
        intended.nodes.removeIf([&name](const NodeConfig& config) { return config.name == name; });
        return finish({Edit{m_document.lineStart(first), m_document.lineStart(end + 1), {}}}, intended);
    }

private:
    Error refuseLayout() const
    {
        return editError(
            ErrorCode::Unsupported, m_fileName,
            InventoryEditor::tr("The nodes in this inventory are not written as [[node]] tables, so "
                                "Kumo cannot change them in place; edit the file by hand."));
    }
    Error notFound(const QString& name) const
    {
        Error error =
            editError(ErrorCode::NotFound, m_fileName,
                      InventoryEditor::tr("The inventory has no node named \"%1\"; it may have been "
                                          "changed meanwhile.")
                          .arg(name));
        return error;
    }

    Result<QByteArray> finish(QList<Edit> edits, const Inventory& intended) const
    {
        std::stable_sort(edits.begin(), edits.end(),
                         [](const Edit& a, const Edit& b) { return a.start > b.start; });
        QString text = m_document.text();
        for (const Edit& edit : edits)
            text.replace(edit.start, edit.end - edit.start, edit.replacement);
        const QByteArray bytes = text.toUtf8();
        // Kumo never writes a file that does not read back as exactly what was meant.
        const auto check =
            readsBackAs(bytes, m_fileName, intended,
                        InventoryEditor::tr(
                            "The change would leave the inventory unreadable, so nothing was written: %1"));
        if (!check)
            return check.error();
        return bytes;
    }

    QByteArray m_bytes;
    Document m_document;
    QString m_fileName;
    Inventory m_inventory;
    toml::table m_root;
    std::set<int> m_headers;
    QList<const toml::table*> m_nodeTables;
};

Result<QByteArray> edit(const QByteArray& text, const QString& fileName,
                        const std::function<Result<QByteArray>(Editor&)>& change)
{
    Editor editor(text, fileName);
    if (auto opened = editor.open(); !opened)
        return opened.error();
    return change(editor);
}

Error writeError(const QString& path, const QString& detail)
{
    return editError(ErrorCode::Io, path,
                     InventoryEditor::tr("The inventory file cannot be written; check that you may write "
                                         "it and its directory."),
                     detail);
}

// Replaces the file in one step (QSaveFile): a reader sees the old text or the new, never half.
Result<void> writeAtomically(const QString& path, const QByteArray& bytes,
                             std::optional<QFileDevice::Permissions> permissions)
{
    if (const auto failed = saveFile(path, bytes, permissions))
        return writeError(path, *failed);
    return {};
}

Result<Inventory> editFile(const QString& path,
                           const std::function<Result<QByteArray>(const QByteArray&)>& change)
{
    // The same checks as loading: a regular file of bounded size, never a pipe that blocks.
    const Result<QByteArray> read = InventoryFile::read(path);
    if (!read)
        return read.error();
    const QByteArray& before = read.value();
    const QFileDevice::Permissions permissions = QFileInfo(path).permissions();
    auto changed = change(before);
    if (!changed)
        return changed.error();
    const QByteArray& after = changed.value();

    // The new file takes the old one's mode: an inventory kept 0600 stays 0600.
    if (auto written = writeAtomically(path, after, permissions); !written)
        return written.error();
    return Inventory::parse(after, path);
}

// A first start: no inventory yet. The file (and its folder) is made with the new campus and
// node, written the way the editor writes them, so that later edits read like the first.
Result<Inventory> createFile(const QString& path, const NodeConfig& node, const std::optional<Site>& newSite)
{
    if (!newSite || newSite->id != node.site)
        return editError(ErrorCode::NotFound, path,
                         InventoryEditor::tr("The inventory file does not exist yet, so the node's campus "
                                             "is new too: type its name."));
    const QString eol = QStringLiteral("\n");
    const QString text =
        InventoryEditor::tr("# Kumo inventory: one [[site]] per campus, one [[node]] per libvirt host.\n"
                            "# Kumo's node dialog changes this file in place and keeps your comments.\n"
                            "# The keys are described in Kumo's README (\"The inventory file\").\n") +
        eol + siteTableText(*newSite, eol) + eol + nodeTableText(node, eol);
    const QByteArray bytes = text.toUtf8();
    Inventory intended;
    intended.sites.append(*newSite);
    intended.nodes.append(node);
    auto check = readsBackAs(
        bytes, path, intended,
        InventoryEditor::tr("The node cannot be written to a new inventory, so nothing was written: %1"));
    if (!check)
        return check.error();
    const QString dir = QFileInfo(path).absolutePath();
    if (!QDir().mkpath(dir))
        return writeError(path, InventoryEditor::tr("Cannot create the folder %1.").arg(dir));
    if (auto written = writeAtomically(path, bytes, std::nullopt); !written)
        return written.error();
    return check;
}

} // namespace

Result<QByteArray> InventoryEditor::addNode(const QByteArray& text, const NodeConfig& node,
                                            const QString& fileName, const std::optional<Site>& newSite)
{
    return edit(text, fileName, [&](Editor& editor) { return editor.add(node, newSite); });
}

Result<QByteArray> InventoryEditor::replaceNode(const QByteArray& text, const QString& name,
                                                const NodeConfig& node, const QString& fileName)
{
    return edit(text, fileName, [&](Editor& editor) { return editor.replace(name, node); });
}

Result<QByteArray> InventoryEditor::removeNode(const QByteArray& text, const QString& name,
                                               const QString& fileName)
{
    return edit(text, fileName, [&](Editor& editor) { return editor.remove(name); });
}

Result<Inventory> InventoryEditor::addNode(const QString& path, const NodeConfig& node,
                                           const std::optional<Site>& newSite)
{
    if (!QFileInfo::exists(path))
        return createFile(path, node, newSite);
    return editFile(path, [&](const QByteArray& text) { return addNode(text, node, path, newSite); });
}

Result<Inventory> InventoryEditor::replaceNode(const QString& path, const QString& name,
                                               const NodeConfig& node)
{
    return editFile(path, [&](const QByteArray& text) { return replaceNode(text, name, node, path); });
}

Result<Inventory> InventoryEditor::removeNode(const QString& path, const QString& name)
{
    return editFile(path, [&](const QByteArray& text) { return removeNode(text, name, path); });
}

Site InventoryEditor::newSite(const QString& name, const Inventory& inventory)
{
    Site site;
    site.name = name.simplified();
    // "Myōdaiji Campus" gives "myodaiji-campus": accents go, other letters (kanji) are left out.
    QString base;
    for (const QChar c : site.name.normalized(QString::NormalizationForm_KD).toLower()) {
        if ((c >= u'a' && c <= u'z') || (c >= u'0' && c <= u'9'))
            base += c;
        else if ((c.isSpace() || c == u'-' || c == u'_') && !base.isEmpty() && !base.endsWith(u'-'))
            base += u'-';
    }
    while (base.endsWith(u'-'))
        base.chop(1);
    if (base.isEmpty())
        base = QStringLiteral("campus");
    site.id = base;
    for (int n = 2; inventory.site(site.id); ++n)
        site.id = base + QStringLiteral("-%1").arg(n);

    static const QStringList palette{QStringLiteral("#2e7d32"), QStringLiteral("#1565c0"),
                                     QStringLiteral("#c62828"), QStringLiteral("#6a1b9a"),
                                     QStringLiteral("#ef6c00"), QStringLiteral("#00838f")};
    for (const QString& color : palette) {
        const bool used =
            std::any_of(inventory.sites.cbegin(), inventory.sites.cend(),
                        [&color](const Site& s) { return s.color.compare(color, Qt::CaseInsensitive) == 0; });
        if (!used) {
            site.color = color;
            break;
        }
    }
    return site;
}

} // namespace kumo
