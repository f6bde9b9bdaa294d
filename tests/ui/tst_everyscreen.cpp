// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// Every screen in Japanese, read as a person sees it: the main window with its menus, docks,
// tables and details (a node and an instance selected), the first run, every dialog and each page
// of the outage wizard. Each screen is read in Japanese, the language is switched to English at
// run time, and it is read again, widget by widget:
//   - a text that stays the same in both languages is an English leftover (or a string the
//     language switch does not reach), unless it is data (names, addresses) or on the short list
//     of proper nouns and units below;
//   - two entries of one menu, or two controls of one dialog, must not share a mnemonic;
//   - a one-line label must fit its widget, and a check box or button its text.
// Screenshots of each screen in both languages go to $KUMO_SCREENSHOT_DIR/ja and /en when set.
#include <functional>
#include <memory>

#include <QAbstractButton>
#include <QAbstractItemView>
#include <QApplication>
#include <QCheckBox>
#include <QComboBox>
#include <QDir>
#include <QDockWidget>
#include <QFile>
#include <QGroupBox>
#include <QHeaderView>
#include <QImage>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QPushButton>
#include <QRadioButton>
#include <QRegularExpression>
#include <QSettings>
#include <QStandardPaths>
#include <QTabBar>
#include <QTabWidget>
#include <QTableView>
#include <QTemporaryDir>
#include <QTest>
#include <QTextDocument>
#include <QVBoxLayout>
#include <QWizard>
#include <QWizardPage>

#include "app/i18n/language.h"
#include "app/monitoring/campusheadroomwatch.h"
#include "core/alerts.h"
#include "core/outagereport.h"
#include "core/outagestate.h"
#include "support/testconsole.h"
#include "support/testdriver.h"
#include "ui/clusterselection.h"
#include "ui/credentialdialog.h"
#include "ui/firstrunwidget.h"
#include "ui/mainwindow.h"
#include "ui/map/campusmapscene.h"
#include "ui/map/campusmapview.h"
#include "ui/migration/migratetodialog.h"
#include "ui/migration/migrationdialog.h"
#include "ui/monitoring/alertsdock.h"
#include "ui/monitoring/eventlogdock.h"
#include "ui/nodedialog.h"
#include "ui/outage/outagepanel.h"
#include "ui/outage/outagereportpdf.h"
#include "ui/outage/outagewizard.h"
#include "ui/preferencesdialog.h"
#include "ui/splitbraindialog.h"

using namespace kumo;

namespace {

// Words that are the same in Japanese UI text: product and protocol names, units, file formats.
const QStringList ProperNouns{
    QStringLiteral("Kumo"), QStringLiteral("libvirt"), QStringLiteral("libvirtd"), QStringLiteral("QEMU"),
    QStringLiteral("KVM"),  QStringLiteral("TLS"),     QStringLiteral("SASL"),     QStringLiteral("SSH"),
    QStringLiteral("TCP"),  QStringLiteral("URI"),     QStringLiteral("UUID"),     QStringLiteral("vCPU"),
    QStringLiteral("CPU"),  QStringLiteral("MiB/s"),   QStringLiteral("MiB"),      QStringLiteral("GiB"),
    QStringLiteral("KiB"),  QStringLiteral("PDF"),     QStringLiteral("CSV"),      QStringLiteral("JSON"),
    QStringLiteral("TOML"), QStringLiteral("ms"),      QStringLiteral("Qt"),       QStringLiteral("English"),
    QStringLiteral("qemu"), QStringLiteral("ssh"),     QStringLiteral("tls"),      QStringLiteral("tcp"),
    QStringLiteral("test"), QStringLiteral("IO"),      QStringLiteral("I/O"),      QStringLiteral("XML"),
    QStringLiteral("OK"),
};

QString plain(const QString& text, Qt::TextFormat format = Qt::AutoText)
{
    if (format == Qt::PlainText || (format == Qt::AutoText && !Qt::mightBeRichText(text)))
        return text;
    QTextDocument document;
    document.setHtml(text);
    return document.toPlainText();
}

QString withoutMnemonic(QString text)
{
    text.replace(QRegularExpression(QStringLiteral("\\(&(.)\\)")), QString());
    text.replace(QStringLiteral("&&"), QStringLiteral("\x01"));
    text.remove(QLatin1Char('&'));
    text.replace(QStringLiteral("\x01"), QStringLiteral("&"));
    return text;
}

QChar mnemonic(const QString& text)
{
    for (qsizetype i = 0; i + 1 < text.size(); ++i) {
        if (text.at(i) != QLatin1Char('&'))
            continue;
        if (text.at(i + 1) == QLatin1Char('&')) {
            ++i;
            continue;
        }
        return text.at(i + 1).toUpper();
    }
    return {};
}

// A stable name for a widget within its window: class and position among its parent's children.
QString pathOf(const QObject* object, const QObject* root)
{
    QStringList parts;
    for (const QObject* o = object; o && o != root; o = o->parent()) {
        const QObject* parent = o->parent();
        const qsizetype index = parent ? parent->children().indexOf(const_cast<QObject*>(o)) : 0;
        parts.prepend(
            QStringLiteral("%1[%2]").arg(QString::fromLatin1(o->metaObject()->className())).arg(index));
    }
    return parts.join(QLatin1Char('/'));
}

// The value column of the details' property forms: data (names, addresses, figures), elided by
// the label itself when it does not fit.
bool isPropertyValue(const QLabel* label)
{
    return label->parent() && label->parent()->inherits("kumo::PropertyForm") &&
           !label->objectName().isEmpty();
}

// What a screen shows, by place.
using Texts = QMap<QString, QString>;

// A failure as libvirt words it (data: shown as the daemon said it).
const QString LibvirtRefusal =
    QStringLiteral("operation failed: migration out of memory on destination host");

void add(Texts& texts, const QString& where, const QString& text)
{
    const QString shown = withoutMnemonic(text).trimmed();
    if (!shown.isEmpty())
        texts.insert(where, shown);
}

void addMenu(Texts& texts, const QMenu* menu, const QString& where)
{
    for (const QAction* action : menu->actions()) {
        if (action->isSeparator() || !action->isVisible())
            continue;
        const QString at = where + QLatin1Char('>') + action->objectName() + QLatin1Char('#') +
                           QString::number(menu->actions().indexOf(const_cast<QAction*>(action)));
        add(texts, at, action->text());
        if (action->menu())
            addMenu(texts, action->menu(), at);
    }
}

Texts readScreen(QWidget* root)
{
    Texts texts;
    add(texts, QStringLiteral("window title"), root->windowTitle());
    QList<QWidget*> widgets = root->findChildren<QWidget*>();
    widgets.prepend(root);
    for (QWidget* w : std::as_const(widgets)) {
        if (!w->isVisibleTo(root) && w != root)
            continue;
        const QString at = pathOf(w, root);
        add(texts, at + QStringLiteral(" tip"), plain(w->toolTip()));
        if (auto* label = qobject_cast<QLabel*>(w)) {
            if (!isPropertyValue(label))
                add(texts, at, plain(label->text(), label->textFormat()));
        } else if (auto* button = qobject_cast<QAbstractButton*>(w))
            add(texts, at, button->text());
        else if (auto* group = qobject_cast<QGroupBox*>(w))
            add(texts, at, group->title());
        else if (auto* edit = qobject_cast<QLineEdit*>(w))
            add(texts, at + QStringLiteral(" placeholder"), edit->placeholderText());
        else if (auto* combo = qobject_cast<QComboBox*>(w)) {
            for (int i = 0; i < combo->count(); ++i)
                add(texts, at + QStringLiteral(" item %1").arg(i), combo->itemText(i));
        } else if (auto* tabs = qobject_cast<QTabBar*>(w)) {
            for (int i = 0; i < tabs->count(); ++i)
                add(texts, at + QStringLiteral(" tab %1").arg(i), tabs->tabText(i));
        } else if (auto* dock = qobject_cast<QDockWidget*>(w)) {
            add(texts, at + QStringLiteral(" title"), dock->windowTitle());
        } else if (auto* header = qobject_cast<QHeaderView*>(w);
                   header && header->orientation() == Qt::Horizontal && header->model()) {
            for (int c = 0; c < header->count(); ++c) {
                if (!header->isSectionHidden(c))
                    add(texts, at + QStringLiteral(" section %1").arg(c),
                        header->model()->headerData(c, Qt::Horizontal).toString());
            }
        } else if (auto* bar = qobject_cast<QMenuBar*>(w)) {
            for (const QAction* action : bar->actions()) {
                const QString menuAt =
                    at + QLatin1Char('>') + QString::number(bar->actions().indexOf(action));
                add(texts, menuAt, action->text());
                if (action->menu())
                    addMenu(texts, action->menu(), menuAt);
            }
        }
        if (auto* page = qobject_cast<QWizardPage*>(w)) {
            add(texts, at + QStringLiteral(" page title"), page->title());
            add(texts, at + QStringLiteral(" page subtitle"), page->subTitle());
        }
    }
    return texts;
}

// Two controls of one window, or two entries of one menu, with the same mnemonic.
QStringList duplicateMnemonics(QWidget* root)
{
    QStringList found;
    QMap<QChar, QString> seen;
    const auto note = [&](const QString& text, QMap<QChar, QString>& in) {
        const QChar key = mnemonic(text);
        if (key.isNull())
            return;
        if (in.contains(key))
            found.append(QStringLiteral("%1: \"%2\" and \"%3\"").arg(key).arg(in.value(key), text));
        else
            in.insert(key, text);
    };
    QList<QWidget*> widgets = root->findChildren<QWidget*>();
    for (QWidget* w : std::as_const(widgets)) {
        if (!w->isVisibleTo(root) || qobject_cast<QMenu*>(w))
            continue;
        if (auto* button = qobject_cast<QAbstractButton*>(w); button && !qobject_cast<QTabBar*>(w->parent()))
            note(button->text(), seen);
        else if (auto* label = qobject_cast<QLabel*>(w); label && label->buddy())
            note(label->text(), seen);
        else if (auto* group = qobject_cast<QGroupBox*>(w); group && group->isCheckable())
            note(group->title(), seen);
        else if (auto* tabs = qobject_cast<QTabBar*>(w)) {
            for (int i = 0; i < tabs->count(); ++i)
                note(tabs->tabText(i), seen);
        }
    }
    std::function<void(const QMenu*)> menu = [&](const QMenu* m) {
        QMap<QChar, QString> inMenu;
        for (const QAction* action : m->actions()) {
            if (action->isSeparator() || !action->isVisible())
                continue;
            note(action->text(), inMenu);
            if (action->menu())
                menu(action->menu());
        }
    };
    if (auto* window = qobject_cast<QMainWindow*>(root)) {
        QMap<QChar, QString> inBar;
        for (const QAction* action : window->menuBar()->actions()) {
            note(action->text(), inBar);
            if (action->menu())
                menu(action->menu());
        }
    }
    return found;
}

// One-line labels cut off by their widget, check boxes and buttons narrower than their text.
QStringList cutOff(QWidget* root)
{
    QStringList found;
    for (QWidget* w : root->findChildren<QWidget*>()) {
        if (!w->isVisible() || w->width() <= 0)
            continue;
        if (auto* label = qobject_cast<QLabel*>(w)) {
            const QString text = plain(label->text(), label->textFormat());
            if (label->wordWrap() || text.contains(QLatin1Char('\n')) || text.isEmpty() ||
                !label->pixmap().isNull() || isPropertyValue(label))
                continue;
            const int needed = label->fontMetrics().horizontalAdvance(withoutMnemonic(text));
            if (needed > label->contentsRect().width() + 1)
                found.append(QStringLiteral("label \"%1\" needs %2 px, has %3")
                                 .arg(text)
                                 .arg(needed)
                                 .arg(label->contentsRect().width()));
        } else if (qobject_cast<QCheckBox*>(w) || qobject_cast<QRadioButton*>(w) ||
                   qobject_cast<QPushButton*>(w)) {
            const auto* button = static_cast<QAbstractButton*>(w);
            if (button->text().isEmpty())
                continue;
            if (button->width() + 1 < button->sizeHint().width())
                found.append(QStringLiteral("button \"%1\" needs %2 px, has %3")
                                 .arg(button->text())
                                 .arg(button->sizeHint().width())
                                 .arg(button->width()));
        }
    }
    return found;
}

void saveScreenshot(QWidget* widget, const QString& language, const QString& name)
{
    const QString dir = qEnvironmentVariable("KUMO_SCREENSHOT_DIR");
    if (dir.isEmpty())
        return;
    const QString into = QDir(dir).filePath(language);
    QDir().mkpath(into);
    QVERIFY(widget->grab().save(QDir(into).filePath(name + QStringLiteral(".png"))));
}

} // namespace

class TestEveryScreen : public QObject
{
    Q_OBJECT

private Q_SLOTS:
    void initTestCase();
    void cleanupTestCase();
    void init();
    void mainWindowWithANodeSelected();
    void mainWindowWithAnInstanceSelected();
    void firstRun();
    void nodeDialog();
    void preferencesDialog();
    void migrationDialog();
    void migrateToDialog();
    void mainWindowWithTheEventLogRaised();
    void outageWizardPages();
    void returnWizardFirstPage();
    void outagePanel();
    void credentialDialog();
    void outagePanelDuringARun();
    void outagePanelWithTheReport();
    void outageReportPdf();
    void splitBrainDialog();
    void mainWindowWithTheAlertsRaised();
    void returnWizardPages();
    void theChecksFindWhatTheyLookFor();

private:
    struct Reading
    {
        Texts texts;
        QStringList problems; // shared mnemonics, cut-off text
    };
    Reading read(QWidget* root, const QString& language, const QString& name);
    void setLanguage(const QString& language);
    // Fails on texts that are the same in both readings (English left in Japanese, or missed by
    // the language switch) and on the readings' problems.
    void compare(const Reading& japanese, const Reading& english, const QString& name);
    // A window that follows a language switch at run time: read, switch, read again.
    void checkSwitching(QWidget* root, const QString& name);
    // A dialog, made once in each language by `make` (shown, settled).
    void checkFresh(const std::function<std::unique_ptr<QWidget>()>& make, const QString& name);
    [[nodiscard]] bool isData(const QString& text) const;
    [[nodiscard]] bool isLeftover(const QString& text) const;
    [[nodiscard]] bool isJapaneseLeftover(const QString& text) const;
    // An evacuation of the first campus as the outage store keeps it: every move of its instances
    // done, with figures, except the third (failed), the fourth (running) and the rest (pending).
    [[nodiscard]] OutageRun outageRun() const;

    QTemporaryDir m_dir;
    TestCluster m_cluster;
    QStringList m_data; // names and addresses, the same in every language
    std::unique_ptr<TestConsole> m_console;
    ClusterController* m_controller = nullptr;
    MigrationController* m_migrations = nullptr;
    Evacuation* m_evacuation = nullptr;
    MainWindow* m_window = nullptr;
};

void TestEveryScreen::initTestCase()
{
    QStandardPaths::setTestModeEnabled(true);
    QSettings().clear();
    QVERIFY(m_dir.isValid());
    m_cluster = generateTestCluster(m_dir.filePath(QStringLiteral("nodes")), 2, 2, 3);
    const Inventory& inventory = m_cluster.inventory;
    for (const NodeConfig& node : inventory.nodes)
        m_data << node.name << node.uri << node.migrationUri << node.migrationAddress;
    for (const TestNode& node : std::as_const(m_cluster.nodes)) {
        for (const TestDomain& domain : node.domains)
            m_data << domain.name << domain.uuid;
    }
    m_data.removeAll(QString());

    m_console = std::make_unique<TestConsole>(m_dir.path());
    QVERIFY(m_console->open(inventory));
    m_controller = m_console->controller.get();
    m_migrations = m_console->migrations.get();
    m_evacuation = m_console->evacuation.get();
    m_window = m_console->window.get();
    QTRY_COMPARE_WITH_TIMEOUT(m_controller->connectedNodeCount(), int(inventory.nodes.size()), 30000);
    QTRY_COMPARE_WITH_TIMEOUT(m_controller->instanceCount(), 4 * 3, 30000);
    // The campus lines on the map count the running instances (recomputed at most once a second).
    const CampusHeadroomWatch* headroom = m_window->map()->mapScene()->headroomWatch();
    const QString site = inventory.sites.constFirst().id;
    QTRY_VERIFY_WITH_TIMEOUT(!headroom->isPending() && headroom->headroom(site) &&
                                 headroom->headroom(site)->running == 2 * 3,
                             30000);
}

void TestEveryScreen::cleanupTestCase()
{
    m_console.reset();
    QVERIFY(language::install(QStringLiteral("en")));
}

void TestEveryScreen::init()
{
    QVERIFY(language::install(QStringLiteral("ja")));
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
}

bool TestEveryScreen::isData(const QString& text) const
{
    return std::any_of(m_data.cbegin(), m_data.cend(), [&](const QString& d) { return text == d; });
}

bool TestEveryScreen::isLeftover(const QString& shown) const
{
    // Names in sentences are isolated (U+2066..U+2069) so that they keep their own direction.
    QString text = shown;
    text.remove(QRegularExpression(QStringLiteral("[\\x{2066}-\\x{2069}]")));
    if (isData(text))
        return false;
    QString rest = text;
    for (const QString& d : m_data)
        rest.remove(d);
    for (const QString& word : ProperNouns)
        rest.remove(QRegularExpression(QStringLiteral("\\b%1\\b").arg(QRegularExpression::escape(word))));
    // Addresses, paths and versions are data too.
    rest.remove(QRegularExpression(QStringLiteral("\\S+[/:.]\\S+")));
    return rest.contains(QRegularExpression(QStringLiteral("[A-Za-z]{2,}")));
}

bool TestEveryScreen::isJapaneseLeftover(const QString& shown) const
{
    QString rest = shown;
    for (const QString& d : m_data)
        rest.remove(d);
    // The language menu names each language in itself.
    rest.remove(QStringLiteral("日本語"));
    return rest.contains(QRegularExpression(QStringLiteral("[\\p{Hiragana}\\p{Katakana}\\p{Han}]")));
}

TestEveryScreen::Reading TestEveryScreen::read(QWidget* root, const QString& language, const QString& name)
{
    QCoreApplication::processEvents();
    Reading reading;
    reading.texts = readScreen(root);
    for (const QString& d : duplicateMnemonics(root))
        reading.problems.append(QStringLiteral("shared mnemonic (%1) %2").arg(language, d));
    for (const QString& c : cutOff(root))
        reading.problems.append(QStringLiteral("cut off (%1) %2").arg(language, c));
    saveScreenshot(root, language, name);
    return reading;
}

void TestEveryScreen::setLanguage(const QString& language)
{
    QVERIFY(language::install(language));
    // LanguageChange, then the retranslation it queues.
    QCoreApplication::processEvents();
    QCoreApplication::processEvents();
}

void TestEveryScreen::compare(const Reading& japanese, const Reading& english, const QString& name)
{
    QVERIFY2(!japanese.texts.isEmpty(), qPrintable(name));
    QStringList problems = japanese.problems + english.problems;
    int compared = 0;
    for (auto it = japanese.texts.cbegin(); it != japanese.texts.cend(); ++it) {
        const auto en = english.texts.constFind(it.key());
        if (en == english.texts.cend())
            continue;
        ++compared;
        if (en.value() == it.value() && isLeftover(it.value()))
            problems.append(
                QStringLiteral("the same in both languages at %1: \"%2\"").arg(it.key(), it.value()));
    }
    // And the other way: Japanese the language switch did not reach.
    for (auto it = english.texts.cbegin(); it != english.texts.cend(); ++it) {
        if (isJapaneseLeftover(it.value()))
            problems.append(QStringLiteral("Japanese in English at %1: \"%2\"").arg(it.key(), it.value()));
    }
    QVERIFY2(compared > 0, qPrintable(name));
    qInfo("FIGURE %s texts=%lld compared=%d", qPrintable(name), qlonglong(japanese.texts.size()), compared);
    QVERIFY2(problems.isEmpty(), qPrintable(name + QStringLiteral(":\n") + problems.join(QLatin1Char('\n'))));
}

void TestEveryScreen::checkSwitching(QWidget* root, const QString& name)
{
    const Reading japanese = read(root, QStringLiteral("ja"), name);
    setLanguage(QStringLiteral("en"));
    const Reading english = read(root, QStringLiteral("en"), name);
    setLanguage(QStringLiteral("ja"));
    compare(japanese, english, name);
}

void TestEveryScreen::checkFresh(const std::function<std::unique_ptr<QWidget>()>& make, const QString& name)
{
    const auto readIn = [&](const QString& language) {
        setLanguage(language);
        std::unique_ptr<QWidget> widget = make();
        return widget ? read(widget.get(), language, name) : Reading{};
    };
    const Reading japanese = readIn(QStringLiteral("ja"));
    const Reading english = readIn(QStringLiteral("en"));
    setLanguage(QStringLiteral("ja"));
    compare(japanese, english, name);
}

void TestEveryScreen::mainWindowWithANodeSelected()
{
    m_window->selection()->selectNodes({m_cluster.inventory.nodes.constFirst().name});
    // The banner follows the language too (here the inventory's problem, as the reload reports it).
    Error problem;
    problem.code = ErrorCode::InvalidInput;
    problem.object = m_dir.filePath(QStringLiteral("inventory.toml"));
    problem.line = 12;
    problem.column = 1;
    m_data << problem.toString();
    m_window->showInventoryError(problem);
    checkSwitching(m_window, QStringLiteral("mainwindow-node"));
    m_window->setBanner(QString());
}

void TestEveryScreen::mainWindowWithAnInstanceSelected()
{
    m_window->selection()->selectInstances({m_cluster.nodes.constFirst().domains.constFirst().uuid});
    checkSwitching(m_window, QStringLiteral("mainwindow-instance"));
}

void TestEveryScreen::firstRun()
{
    ClusterController empty;
    MainWindow window(&empty);
    // Only shown (nothing is written until a person adds a node): the path a staff member would see.
    window.setFirstRun(QStringLiteral("/home/staff/.config/kumo/inventory.toml"));
    window.resize(1200, 800);
    window.show();
    QVERIFY(QTest::qWaitForWindowExposed(&window));
    QVERIFY(window.isShowingFirstRun());
    checkSwitching(&window, QStringLiteral("first-run"));
}

namespace {
// Goes `pages` pages on, each once Next is enabled (the plan is made off the GUI thread; Next
// waits for it), then lets the page settle.
bool advance(QWizard* wizard, int pages)
{
    for (int i = 0; i < pages; ++i) {
        if (!QTest::qWaitFor([&] { return wizard->button(QWizard::NextButton)->isEnabled(); }, 20000))
            return false;
        wizard->next();
    }
    QTest::qWait(300);
    return true;
}

template <typename Dialog> std::unique_ptr<QWidget> shown(std::unique_ptr<Dialog> dialog, int settleMs = 0)
{
    dialog->show();
    if (!QTest::qWaitForWindowExposed(dialog.get()))
        return {};
    if (settleMs > 0)
        QTest::qWait(settleMs);
    return dialog;
}
} // namespace

void TestEveryScreen::nodeDialog()
{
    checkFresh([&] { return shown(std::make_unique<NodeDialog>(m_cluster.inventory, nullptr)); },
               QStringLiteral("node-dialog"));
}

void TestEveryScreen::preferencesDialog()
{
    checkFresh([&] { return shown(std::make_unique<PreferencesDialog>(m_migrations)); },
               QStringLiteral("preferences"));
}

void TestEveryScreen::migrationDialog()
{
    const QStringList uuids{m_cluster.nodes.constFirst().domains.constFirst().uuid};
    const QString destination = m_cluster.nodes.constLast().name;
    checkFresh(
        [&] {
            // With the pre-flight answers.
            return shown(std::make_unique<MigrationDialog>(m_migrations, uuids, destination), 500);
        },
        QStringLiteral("migration-dialog"));
}

void TestEveryScreen::migrateToDialog()
{
    const QStringList uuids{m_cluster.nodes.constFirst().domains.constFirst().uuid};
    checkFresh([&] { return shown(std::make_unique<MigrateToDialog>(m_migrations, uuids)); },
               QStringLiteral("migrate-to-dialog"));
}

void TestEveryScreen::outageWizardPages()
{
    const QString site = m_cluster.inventory.sites.constFirst().id;
    for (int page = 0; page < 3; ++page) {
        checkFresh(
            [&]() -> std::unique_ptr<QWidget> {
                auto wizard = std::make_unique<OutageWizard>(m_evacuation, OutageDirection::Evacuate, site);
                wizard->show();
                if (!QTest::qWaitForWindowExposed(wizard.get()))
                    return {};
                if (!advance(wizard.get(), page))
                    return {};
                return wizard;
            },
            QStringLiteral("outage-wizard-%1").arg(page + 1));
    }
}

void TestEveryScreen::mainWindowWithTheEventLogRaised()
{
    const QList<EventLogDock*> docks = m_window->findChildren<EventLogDock*>();
    QCOMPARE(docks.size(), 1);
    docks.constFirst()->raise();
    QCoreApplication::processEvents();
    QVERIFY(docks.constFirst()->isVisible());
    checkSwitching(m_window, QStringLiteral("mainwindow-eventlog"));
}

void TestEveryScreen::returnWizardFirstPage()
{
    const QString site = m_cluster.inventory.sites.constFirst().id;
    checkFresh(
        [&] {
            return shown(std::make_unique<OutageWizard>(m_evacuation, OutageDirection::Return, site), 300);
        },
        QStringLiteral("return-wizard-nothing-to-return"));
}

void TestEveryScreen::outagePanel()
{
    checkFresh(
        [&] {
            auto panel = std::make_unique<OutagePanel>(m_evacuation);
            panel->resize(900, 400);
            return shown(std::move(panel));
        },
        QStringLiteral("outage-panel"));
}

void TestEveryScreen::credentialDialog()
{
    CredentialPrompt prompt;
    prompt.node = m_cluster.inventory.nodes.constFirst().name;
    prompt.uri = QStringLiteral("qemu+tls://%1/system").arg(prompt.node);
    CredentialRequest::Item name;
    name.type = CredentialRequest::Type::AuthName;
    name.prompt = QStringLiteral("Please enter your authentication name"); // libvirt's words
    CredentialRequest::Item password;
    password.type = CredentialRequest::Type::Passphrase;
    password.prompt = QStringLiteral("Please enter your password");
    prompt.items = {name, password};
    prompt.canRemember = true;
    m_data << prompt.uri;
    checkFresh(
        [&]() -> std::unique_ptr<QWidget> {
            auto dialog = std::make_unique<CredentialDialog>();
            dialog->ask(prompt, [](CredentialAnswer&) {});
            if (!QTest::qWaitForWindowExposed(dialog.get()))
                return {};
            return dialog;
        },
        QStringLiteral("credential-dialog"));
}

OutageRun TestEveryScreen::outageRun() const
{
    const QString from = m_cluster.inventory.sites.constFirst().id;
    QStringList toNodes;
    for (const TestNode& node : m_cluster.nodes) {
        if (node.site != from)
            toNodes << node.name;
    }
    OutagePlan plan;
    plan.id = QStringLiteral("3f2c1d4e-0000-4000-8000-000000000001");
    plan.site = from;
    plan.reason = QStringLiteral("年次電気設備点検"); // as staff type it: data
    plan.windowStart = QDateTime(QDate(2026, 3, 14), QTime(9, 0)).toUTC();
    plan.windowEnd = QDateTime(QDate(2026, 3, 14), QTime(17, 0)).toUTC();
    plan.createdAt = QDateTime(QDate(2026, 3, 13), QTime(16, 20)).toUTC();
    for (const TestNode& node : m_cluster.nodes) {
        if (node.site != from)
            continue;
        for (const TestDomain& domain : node.domains) {
            PlannedMove move;
            move.uuid = domain.uuid;
            move.name = domain.name;
            move.fromNode = node.name;
            move.homeNode = node.name;
            move.toNode = toNodes.at(plan.moves.size() % toNodes.size());
            move.memoryKiB = domain.memoryKiB;
            move.vcpus = domain.vcpus;
            plan.moves.append(move);
        }
    }
    OutageRun run = OutageRun::fromPlan(plan);
    run.state = RunState::Running;
    const QDateTime t0 = QDateTime(QDate(2026, 3, 14), QTime(9, 2, 10)).toUTC();
    run.started = t0;
    for (qsizetype i = 0; i < run.records.size(); ++i) {
        MoveRecord& record = run.records[i];
        if (i > 3)
            break;
        record.started = t0.addMSecs(2000 * i);
        record.attempts = 1;
        record.dataBytes = record.move.memoryKiB * 1024 * 11 / 10;
        if (i == 3) {
            record.status = MoveStatus::Running;
            record.dataBytes /= 3;
            continue;
        }
        record.status = i == 2 ? MoveStatus::Failed : MoveStatus::Done;
        record.durationMs = 5000 + 300 * i;
        record.finished = record.started.addMSecs(record.durationMs);
        record.downtimeMs = i == 2 ? -1 : 30 + 4 * i;
        if (i == 2)
            record.error = LibvirtRefusal;
        record.serviceBefore = ServiceAnswer::Answered;
        record.serviceAfter = ServiceAnswer::Answered;
        record.serviceGapMs = 350 + 20 * i;
    }
    return run;
}

void TestEveryScreen::outagePanelDuringARun()
{
    m_data << LibvirtRefusal;
    OutageRun run = outageRun();
    // The running move started a few seconds ago (the panel counts its time from now).
    run.records[3].started = QDateTime::currentDateTimeUtc().addSecs(-4);
    checkFresh(
        [&] {
            auto panel = std::make_unique<OutagePanel>(m_evacuation);
            panel->resize(1100, 360);
            panel->show();
            panel->showRun(run);
            OutageProgress figures;
            figures.total = int(run.records.size());
            figures.done = run.count(MoveStatus::Done);
            figures.failed = run.count(MoveStatus::Failed);
            figures.running = run.count(MoveStatus::Running);
            figures.bytesTotal = quint64(272) * 1024 * 1024;
            figures.bytesMoved = quint64(172) * 1024 * 1024;
            figures.elapsedMs = 12400;
            figures.etaMs = 8000;
            panel->setProgress(figures);
            panel->showFailure(2, LibvirtRefusal);
            return shown(std::move(panel));
        },
        QStringLiteral("outage-panel-run"));
}

void TestEveryScreen::outagePanelWithTheReport()
{
    OutageRun run = outageRun();
    run.state = RunState::Completed;
    for (MoveRecord& record : run.records) {
        if (record.status == MoveStatus::Done)
            continue;
        record.status = MoveStatus::Done;
        record.error.clear();
        record.started = run.started.addSecs(9);
        record.durationMs = 4100;
        record.finished = record.started.addMSecs(record.durationMs);
        record.downtimeMs = 26;
        record.dataBytes = record.move.memoryKiB * 1024;
        record.attempts = 1;
    }
    run.finished = run.records.constLast().finished;
    checkFresh(
        [&] {
            auto panel = std::make_unique<OutagePanel>(m_evacuation);
            panel->resize(1100, 360);
            panel->show();
            panel->showReport(run);
            return shown(std::move(panel));
        },
        QStringLiteral("outage-panel-report"));
}

void TestEveryScreen::outageReportPdf()
{
    // The report's first page, painted by the code that writes the PDF. It is a picture: its
    // words are checked by the outage tests; here the two languages must paint different pages.
    OutageRun run = outageRun();
    const Site& site = m_cluster.inventory.sites.constFirst();
    QImage pages[2];
    int i = 0;
    for (const QString& language : {QStringLiteral("ja"), QStringLiteral("en")}) {
        setLanguage(language);
        const OutageReportPdf pdf(OutageReport::fromRun(run, site.displayName(language)));
        QVERIFY(pdf.pageCount() >= 1);
        pages[i] = pdf.renderPage(0, 1240);
        QVERIFY(!pages[i].isNull());
        if (const QString dir = qEnvironmentVariable("KUMO_SCREENSHOT_DIR"); !dir.isEmpty()) {
            QVERIFY(QDir().mkpath(QDir(dir).filePath(language)));
            QVERIFY(pages[i].save(QDir(dir).filePath(language + QStringLiteral("/outage-report-pdf.png"))));
        }
        ++i;
    }
    setLanguage(QStringLiteral("ja"));
    QVERIFY(pages[0] != pages[1]);
}

void TestEveryScreen::splitBrainDialog()
{
    // Its own two nodes, one per campus, both running the same instance.
    TestCluster cluster = generateTestCluster(m_dir.filePath(QStringLiteral("split")), 2, 1, 1);
    QCOMPARE(cluster.nodes.size(), 2);
    const TestDomain shared = cluster.nodes.at(0).domains.at(0);
    QVERIFY(runCopyOn(cluster, 1, shared));
    for (const NodeConfig& node : cluster.inventory.nodes)
        m_data << node.name << node.uri;
    m_data << shared.name << shared.uuid;
    TestConsole console(m_dir.filePath(QStringLiteral("split")));
    QVERIFY(console.open(cluster.inventory));
    QTRY_VERIFY_WITH_TIMEOUT(console.controller->instance(shared.uuid) &&
                                 console.controller->instance(shared.uuid)->isSplit(),
                             30000);
    checkFresh(
        [&]() -> std::unique_ptr<QWidget> {
            auto dialog = std::make_unique<SplitBrainDialog>(console.migrations.get(), shared.uuid);
            dialog->show();
            if (!QTest::qWaitForWindowExposed(dialog.get()) ||
                !QTest::qWaitFor([&] { return dialog->pendingFacts() == 0; }, 20000))
                return {};
            return dialog;
        },
        QStringLiteral("split-brain-dialog"));
}

void TestEveryScreen::mainWindowWithTheAlertsRaised()
{
    // Two events as monitoring raises them, on names of this cluster.
    const NodeConfig& node = m_cluster.inventory.nodes.constFirst();
    const TestDomain& domain = m_cluster.nodes.constFirst().domains.constFirst();
    AlertSubject crashed;
    crashed.site = node.site;
    crashed.node = node.name;
    crashed.instance = domain.uuid;
    crashed.name = domain.name;
    const QString detail = QStringLiteral("guest panicked"); // libvirt's words: data
    m_data << detail << LibvirtRefusal;
    MonitoringController* monitoring = m_console->monitoring.get();
    monitoring->engine().event(AlertKind::InstanceCrashed, crashed, detail, monitoring->nowMs());
    monitoring->engine().event(AlertKind::MigrationFailed, crashed, LibvirtRefusal, monitoring->nowMs());
    const QList<AlertsDock*> docks = m_window->findChildren<AlertsDock*>();
    QCOMPARE(docks.size(), 1);
    QTRY_COMPARE_WITH_TIMEOUT(docks.constFirst()->table()->model()->rowCount(), 2, 10000);
    docks.constFirst()->raise();
    docks.constFirst()->table()->selectRow(0);
    QCoreApplication::processEvents();
    checkSwitching(m_window, QStringLiteral("mainwindow-alerts"));
}

void TestEveryScreen::returnWizardPages()
{
    // As if the first campus had been evacuated: its first node's instances were moved to the
    // other campus, where the second campus's first node's instances run now.
    const QString site = m_cluster.inventory.sites.constFirst().id;
    const QString home = m_cluster.inventory.nodes.constFirst().name;
    OutageState state;
    state.site = site;
    state.phase = OutagePhase::InMaintenance;
    state.evacuation.plan.site = site;
    state.returnRun.plan.site = site;
    for (const TestNode& node : std::as_const(m_cluster.nodes)) {
        if (node.site == site)
            continue;
        for (const TestDomain& domain : node.domains)
            state.homes.insert(domain.uuid, HomeRecord{domain.name, home, false});
        break;
    }
    QVERIFY(!state.homes.isEmpty());
    OutageStore* store = m_console->store.get();
    QVERIFY(store->save(state).ok());
    for (int page = 0; page < 3; ++page) {
        m_controller->setSiteMaintenance(site, true);
        checkFresh(
            [&]() -> std::unique_ptr<QWidget> {
                auto wizard = std::make_unique<OutageWizard>(m_evacuation, OutageDirection::Return, site);
                wizard->show();
                if (!QTest::qWaitForWindowExposed(wizard.get()))
                    return {};
                if (page > 0) {
                    // Power is back: the person says so, and the return plan is made.
                    auto* endMaintenance =
                        wizard->findChild<QCheckBox*>(QStringLiteral("endMaintenanceCheck"));
                    if (!endMaintenance)
                        return {};
                    endMaintenance->setChecked(true);
                }
                if (!advance(wizard.get(), page))
                    return {};
                return wizard;
            },
            QStringLiteral("return-wizard-%1").arg(page + 1));
    }
    m_controller->setSiteMaintenance(site, false);
    QVERIFY(store->remove(site).ok());
}

void TestEveryScreen::theChecksFindWhatTheyLookFor()
{
    // A dialog nobody translated: each check must speak up.
    const auto make = [] {
        auto dialog = std::make_unique<QDialog>();
        auto* layout = new QVBoxLayout(dialog.get());
        auto* label = new QLabel(QStringLiteral("&Name:"), dialog.get());
        auto* edit = new QLineEdit(dialog.get());
        label->setBuddy(edit);
        auto* narrow = new QLabel(QStringLiteral("A label far too long for its width"), dialog.get());
        narrow->setFixedWidth(20);
        layout->addWidget(label);
        layout->addWidget(edit);
        layout->addWidget(narrow);
        layout->addWidget(new QPushButton(QStringLiteral("&Next"), dialog.get()));
        dialog->show();
        return dialog;
    };
    auto dialog = make();
    QVERIFY(QTest::qWaitForWindowExposed(dialog.get()));
    const Reading japanese = read(dialog.get(), QStringLiteral("ja"), {});
    const Reading english = read(dialog.get(), QStringLiteral("en"), {});
    // "&Name" and "&Next" share N; the narrow label is cut off.
    QCOMPARE(japanese.problems.size(), 2);
    QCOMPARE(english.problems.size(), 2);
    QVERIFY(isLeftover(QStringLiteral("Name:")));
    QVERIFY(!isLeftover(m_cluster.inventory.nodes.constFirst().name));
    QVERIFY(!isLeftover(QStringLiteral("8 vCPU, 512 MiB")));
    QVERIFY(isLeftover(QStringLiteral("移行 (Cancel)")));
    QCOMPARE(english.texts.value(QStringLiteral("QLabel[1]")), QStringLiteral("Name:"));
    QCOMPARE(japanese.texts, english.texts); // so compare() would list every one of them
    QVERIFY(isJapaneseLeftover(QStringLiteral("Demo lab ab12: デモ環境")));
    QVERIFY(!isJapaneseLeftover(QStringLiteral("Language: 日本語")));
}

QTEST_MAIN(TestEveryScreen)
#include "tst_everyscreen.moc"
