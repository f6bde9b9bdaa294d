// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/mainwindow.h"

#include <algorithm>
#include <memory>
#include <utility>

#include <QAction>
#include <QActionGroup>
#include <QApplication>
#include <QCloseEvent>
#include <QDir>
#include <QDockWidget>
#include <QFileDialog>
#include <QFileInfo>
#include <QFrame>
#include <QHeaderView>
#include <QItemSelectionModel>
#include <QLabel>
#include <QLineEdit>
#include <QMenu>
#include <QMenuBar>
#include <QMessageBox>
#include <QMetaMethod>
#include <QPushButton>
#include <QSettings>
#include <QSplitter>
#include <QStackedWidget>
#include <QStatusBar>
#include <QTabWidget>
#include <QTableView>
#include <QTimer>
#include <QToolBar>
#include <QVBoxLayout>

#include "app/access/credentialbroker.h"
#include "app/cluster/clustercontroller.h"
#include "app/i18n/language.h"
#include "app/migration/migrationcontroller.h"
#include "app/migration/migrationqueue.h"
#include "core/inventory.h"
#include "core/sentences.h"
#include "core/statetext.h"
#include "ui/clusterselection.h"
#include "ui/details/detailspanel.h"
#include "ui/firstrunwidget.h"
#include "ui/languagefont.h"
#include "ui/map/campusmapscene.h"
#include "ui/map/campusmapview.h"
#include "ui/map/planarrowsitem.h"
#include "ui/migration/jobsmodel.h"
#include "ui/migration/jobspanel.h"
#include "ui/migration/migrationuicontroller.h"
#include "ui/models/clusterfilterproxymodel.h"
#include "ui/models/instancetablemodel.h"
#include "ui/models/nodetablemodel.h"
#include "ui/monitoring/alertsdock.h"
#include "ui/monitoring/alertstatusbutton.h"
#include "ui/monitoring/eventlogdock.h"
#include "ui/monitoring/monitoringuicontroller.h"
#include "ui/nodeuicontroller.h"
#include "ui/plaintext.h"
#include "ui/preferencesdialog.h"
#include "ui/splitbraindialog.h"

namespace kumo {

namespace {

QKeySequence shortcutFor(InstanceAction action)
{
    switch (action) {
    case InstanceAction::Start:
        return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_S);
    case InstanceAction::Shutdown:
        return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_D);
    case InstanceAction::Reboot:
        return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_R);
    case InstanceAction::ForceOff:
        return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_F);
    case InstanceAction::Suspend:
        return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_P);
    case InstanceAction::Resume:
        return QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_U);
    case InstanceAction::Undefine:
        break;
    }
    return {};
}

QIcon iconFor(InstanceAction action)
{
    QStyle* style = QApplication::style();
    switch (action) {
    case InstanceAction::Start:
    case InstanceAction::Resume:
        return style->standardIcon(QStyle::SP_MediaPlay);
    case InstanceAction::Shutdown:
        return style->standardIcon(QStyle::SP_MediaStop);
    case InstanceAction::Reboot:
        return style->standardIcon(QStyle::SP_BrowserReload);
    case InstanceAction::ForceOff:
        return style->standardIcon(QStyle::SP_DialogCancelButton);
    case InstanceAction::Suspend:
        return style->standardIcon(QStyle::SP_MediaPause);
    case InstanceAction::Undefine:
        return style->standardIcon(QStyle::SP_TrashIcon);
    }
    return {};
}

QTableView* makeTable(QWidget* parent)
{
    auto* table = new QTableView(parent);
    table->setSortingEnabled(true);
    table->setSelectionBehavior(QAbstractItemView::SelectRows);
    table->setSelectionMode(QAbstractItemView::ExtendedSelection);
    table->setAlternatingRowColors(true);
    table->setWordWrap(false);
    table->verticalHeader()->setVisible(false);
    table->verticalHeader()->setDefaultSectionSize(table->fontMetrics().height() + 8);
    table->horizontalHeader()->setStretchLastSection(true);
    table->horizontalHeader()->setSectionsMovable(true);
    table->horizontalHeader()->setContextMenuPolicy(Qt::CustomContextMenu);
    table->setContextMenuPolicy(Qt::CustomContextMenu);
    return table;
}

// Lets the user hide and show columns from the header's context menu.
void offerColumnChoice(QTableView* table)
{
    QObject::connect(
        table->horizontalHeader(), &QWidget::customContextMenuRequested, table, [table](QPoint pos) {
            QMenu menu(table);
            QHeaderView* header = table->horizontalHeader();
            for (int column = 0; column < header->count(); ++column) {
                QAction* toggle = menu.addAction(
                    table->model()->headerData(column, Qt::Horizontal, Qt::DisplayRole).toString());
                toggle->setCheckable(true);
                toggle->setChecked(!header->isSectionHidden(column));
                // The name column stays: without it a row means nothing.
                toggle->setEnabled(column != 0);
                QObject::connect(toggle, &QAction::toggled, header,
                                 [header, column](bool shown) { header->setSectionHidden(column, !shown); });
            }
            menu.exec(header->viewport()->mapToGlobal(pos));
        });
}

} // namespace

MainWindow::MainWindow(ClusterController* controller, MigrationController* migrations, QWidget* parent)
    : QMainWindow(parent)
    , m_controller(controller)
    , m_migrations(migrations)
    , m_selection(new ClusterSelection(this))
    , m_outageUi(new OutageUiController(controller, m_selection, this, this))
{
    setObjectName(QStringLiteral("MainWindow"));
    connect(m_outageUi, &OutageUiController::statusMessage, this, &MainWindow::showStatusMessage);
    createViews();
    createActions();
    createMenus();
    createMigration();
    connectSelection();

    m_statusTimer = new QTimer(this);
    m_statusTimer->setSingleShot(true);
    connect(m_statusTimer, &QTimer::timeout, this, &MainWindow::updateStatus);
    for (auto signal :
         {&ClusterController::nodeAdded, &ClusterController::nodeChanged, &ClusterController::nodeRemoved,
          &ClusterController::instanceAdded, &ClusterController::instanceChanged})
        connect(controller, signal, this, &MainWindow::scheduleStatusUpdate);
    connect(controller, &ClusterController::instanceRemoved, this, &MainWindow::scheduleStatusUpdate);
    connect(controller, &ClusterController::actionStarted, this, &MainWindow::scheduleStatusUpdate);
    connect(controller, &ClusterController::actionFinished, this, &MainWindow::onActionFinished);
    // Which actions apply depends on the selected instances' states.
    connect(controller, &ClusterController::instanceChanged, this, [this](const QString& uuid) {
        if (m_selection->contains(uuid))
            updateActions();
    });
    connect(controller, &ClusterController::instanceRemoved, m_selection,
            [this](const QString& uuid) { m_selection->forget(uuid); });
    connect(controller, &ClusterController::nodeRemoved, m_selection,
            [this](const QString& node) { m_selection->forget(node); });
    connect(controller, &ClusterController::nodeAdded, this, &MainWindow::updateFirstRun);
    connect(controller, &ClusterController::nodeRemoved, this, &MainWindow::updateFirstRun);
    connect(controller, &ClusterController::readOnlyChanged, this, &MainWindow::updateReadOnly);
    // A node's read_only flag may change with the inventory.
    connect(controller, &ClusterController::inventoryChanged, this, &MainWindow::updateActions);

    retranslate();
    updateActions();
    updateStatus();
    resize(1280, 800);
    restoreSettings();
}

MainWindow::~MainWindow() = default;

void MainWindow::createViews()
{
    auto* central = new QWidget(this);
    auto* layout = new QVBoxLayout(central);
    layout->setContentsMargins(4, 4, 4, 0);
    m_banner = new QLabel(central);
    m_banner->setVisible(false);
    m_banner->setWordWrap(true);
    m_banner->setTextFormat(Qt::PlainText);
    m_banner->setTextInteractionFlags(Qt::TextSelectableByMouse);
    m_banner->setFrameShape(QFrame::StyledPanel);
    m_banner->setMargin(6);
    layout->addWidget(m_banner);
    // Above the views, where it is seen at start-up without standing in the way of work.
    layout->addWidget(m_outageUi->resumeBar());

    m_splitter = new QSplitter(Qt::Vertical, central);
    m_splitter->setObjectName(QStringLiteral("mainSplitter"));
    m_mapStack = new QStackedWidget(m_splitter);
    m_map = new CampusMapView(m_controller, m_selection, m_mapStack);
    m_map->setObjectName(QStringLiteral("campusMap"));
    m_firstRun = new FirstRunWidget(m_mapStack);
    m_mapStack->addWidget(m_map);
    m_mapStack->addWidget(m_firstRun);
    connect(m_outageUi, &OutageUiController::planArrowsChanged, this,
            [this](const QList<PlanArrow>& arrows) { m_map->mapScene()->planArrows()->setArrows(arrows); });

    m_tabs = new QTabWidget(m_splitter);
    m_nodeModel = new NodeTableModel(m_controller, this);
    m_instanceModel = new InstanceTableModel(m_controller, this);
    m_nodeProxy = new ClusterFilterProxyModel(this);
    m_nodeProxy->setSourceModel(m_nodeModel);
    m_instanceProxy = new ClusterFilterProxyModel(this);
    m_instanceProxy->setSourceModel(m_instanceModel);

    const auto makePage = [this](QLineEdit*& filter, QTableView*& table, ClusterFilterProxyModel* proxy) {
        auto* page = new QWidget(m_tabs);
        auto* pageLayout = new QVBoxLayout(page);
        pageLayout->setContentsMargins(0, 4, 0, 0);
        filter = new QLineEdit(page);
        filter->setClearButtonEnabled(true);
        pageLayout->addWidget(filter);
        table = makeTable(page);
        table->setModel(proxy);
        table->sortByColumn(0, Qt::AscendingOrder);
        pageLayout->addWidget(table);
        connect(filter, &QLineEdit::textChanged, proxy, &ClusterFilterProxyModel::setFilterText);
        offerColumnChoice(table);
        return page;
    };
    m_tabs->addTab(makePage(m_nodeFilter, m_nodeTable, m_nodeProxy), QString());
    m_tabs->addTab(makePage(m_instanceFilter, m_instanceTable, m_instanceProxy), QString());
    m_nodeTable->setObjectName(QStringLiteral("nodeTable"));
    m_instanceTable->setObjectName(QStringLiteral("instanceTable"));
    // Room for a whole name ("myodaiji-01-mail") before the user widens it (widths persist).
    const int nameWidth = fontMetrics().horizontalAdvance(QLatin1Char('m')) * 16;
    m_nodeTable->setColumnWidth(0, nameWidth);
    m_instanceTable->setColumnWidth(0, nameWidth);
    m_tabs->setCurrentIndex(1);
    m_splitter->addWidget(m_mapStack);
    m_splitter->addWidget(m_tabs);
    m_splitter->setStretchFactor(0, 3);
    m_splitter->setStretchFactor(1, 2);
    // The map above the tables, both at full width; without saved sizes the map gets more.
    m_splitter->setSizes({560, 440});
    layout->addWidget(m_splitter);
    setCentralWidget(central);

    m_details = new DetailsPanel(m_controller, m_selection, this);
    m_detailsDock = new QDockWidget(this);
    m_detailsDock->setObjectName(QStringLiteral("detailsDock"));
    m_detailsDock->setWidget(m_details);
    addDockWidget(Qt::RightDockWidgetArea, m_detailsDock);
    resizeDocks({m_detailsDock}, {380}, Qt::Horizontal);

    // First in the status bar: a wall screen says what it is.
    m_readOnlyStatus = new QLabel(this);
    m_readOnlyStatus->setObjectName(QStringLiteral("readOnlyStatus"));
    m_readOnlyStatus->setVisible(false);
    // Seen across a room: a wall screen says it is only watching.
    m_readOnlyStatus->setStyleSheet(
        QStringLiteral("QLabel { background: #f5b01a; color: #3a2600; font-weight: bold; padding: 1px 8px; "
                       "border-radius: 3px; }"));
    statusBar()->addPermanentWidget(m_readOnlyStatus);
    m_nodesStatus = new QLabel(this);
    m_instancesStatus = new QLabel(this);
    m_jobsStatus = new QLabel(this);
    statusBar()->addPermanentWidget(m_nodesStatus);
    statusBar()->addPermanentWidget(m_instancesStatus);
    statusBar()->addPermanentWidget(m_jobsStatus);

    setTabOrder(m_map, m_tabs);
    setTabOrder(m_tabs, m_nodeFilter);
    setTabOrder(m_nodeFilter, m_nodeTable);
    setTabOrder(m_nodeTable, m_instanceFilter);
    setTabOrder(m_instanceFilter, m_instanceTable);
    setTabOrder(m_instanceTable, m_details);
}

void MainWindow::createActions()
{
    for (InstanceAction kind : allInstanceActions()) {
        auto* act = new QAction(iconFor(kind), QString(), this);
        act->setShortcut(shortcutFor(kind));
        act->setShortcutContext(Qt::WindowShortcut);
        connect(act, &QAction::triggered, this, [this, kind] { runAction(kind); });
        m_actions.insert(kind, act);
    }
    m_addNodeAction = new QAction(this);
    m_addNodeAction->setObjectName(QStringLiteral("addNodeAction"));
    connect(m_addNodeAction, &QAction::triggered, this, &MainWindow::requestAddNode);
    m_openInventoryAction = new QAction(this);
    m_openInventoryAction->setShortcut(QKeySequence::Open);
    connect(m_openInventoryAction, &QAction::triggered, this, &MainWindow::chooseInventory);
    connect(m_firstRun, &FirstRunWidget::addNodeClicked, m_addNodeAction, &QAction::trigger);
    connect(m_firstRun, &FirstRunWidget::openInventoryClicked, m_openInventoryAction, &QAction::trigger);
    connect(m_firstRun, &FirstRunWidget::demoClicked, this, &MainWindow::demoRequested);
    m_quitAction = new QAction(this);
    m_quitAction->setShortcut(QKeySequence::Quit);
    connect(m_quitAction, &QAction::triggered, this, &QWidget::close);
    m_zoomInAction = new QAction(style()->standardIcon(QStyle::SP_ArrowUp), QString(), this);
    m_zoomInAction->setShortcut(QKeySequence::ZoomIn);
    connect(m_zoomInAction, &QAction::triggered, m_map, &CampusMapView::zoomIn);
    m_zoomOutAction = new QAction(style()->standardIcon(QStyle::SP_ArrowDown), QString(), this);
    m_zoomOutAction->setShortcut(QKeySequence::ZoomOut);
    connect(m_zoomOutAction, &QAction::triggered, m_map, &CampusMapView::zoomOut);
    m_fitAction = new QAction(style()->standardIcon(QStyle::SP_TitleBarMaxButton), QString(), this);
    m_fitAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_0));
    connect(m_fitAction, &QAction::triggered, m_map, &CampusMapView::fitToWindow);
    m_findAction = new QAction(this);
    m_findAction->setShortcut(QKeySequence::Find);
    connect(m_findAction, &QAction::triggered, this, [this] {
        QLineEdit* filter = m_tabs->currentIndex() == 0 ? m_nodeFilter : m_instanceFilter;
        filter->setFocus(Qt::ShortcutFocusReason);
        filter->selectAll();
    });
    m_showMapAction = new QAction(this);
    m_showMapAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_1));
    connect(m_showMapAction, &QAction::triggered, this, [this] { m_map->setFocus(Qt::ShortcutFocusReason); });
    m_showNodesAction = new QAction(this);
    m_showNodesAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_2));
    connect(m_showNodesAction, &QAction::triggered, this, [this] {
        m_tabs->setCurrentIndex(0);
        m_nodeTable->setFocus(Qt::ShortcutFocusReason);
    });
    m_showInstancesAction = new QAction(this);
    m_showInstancesAction->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_3));
    connect(m_showInstancesAction, &QAction::triggered, this, [this] {
        m_tabs->setCurrentIndex(1);
        m_instanceTable->setFocus(Qt::ShortcutFocusReason);
    });
    m_aboutAction = new QAction(this);
    connect(m_aboutAction, &QAction::triggered, this, [this] {
        QMessageBox::about(
            this, tr("About Kumo"),
            tr("<p><b>Kumo %1</b></p><p>A console for a libvirt/KVM cloud spread over campuses: "
               "watch nodes and instances, and move instances between campuses live.</p>"
               "<p>libvirt %2, Qt %3</p>"
               "<p>Free software under the GNU General Public License, version 3 or later "
               "(GPL-3.0-or-later).</p>")
                .arg(QCoreApplication::applicationVersion(),
                     m_libvirtVersion.isEmpty() ? tr("unknown") : m_libvirtVersion,
                     QString::fromLatin1(qVersion())));
    });

    m_languageGroup = new QActionGroup(this);
    // Each language is named in itself, so it can be found whatever the current language is.
    const QList<QPair<QString, QString>> languages = {{QStringLiteral("ja"), QStringLiteral("日本語")},
                                                      {QStringLiteral("en"), QStringLiteral("English")}};
    for (const auto& [code, name] : languages) {
        auto* act = new QAction(name, m_languageGroup);
        act->setCheckable(true);
        act->setData(code);
        act->setChecked(code == language::current());
        connect(act, &QAction::triggered, this, [this, code = code] { setLanguage(code); });
    }
}

void MainWindow::createMenus()
{
    m_fileMenu = menuBar()->addMenu(QString());
    m_fileMenu->addAction(m_addNodeAction);
    m_fileMenu->addAction(m_openInventoryAction);
    m_fileMenu->addSeparator();
    m_fileMenu->addAction(m_quitAction);

    m_viewMenu = menuBar()->addMenu(QString());
    m_viewMenu->addAction(m_zoomInAction);
    m_viewMenu->addAction(m_zoomOutAction);
    m_viewMenu->addAction(m_fitAction);
    m_viewMenu->addSeparator();
    m_viewMenu->addAction(m_showMapAction);
    m_viewMenu->addAction(m_showNodesAction);
    m_viewMenu->addAction(m_showInstancesAction);
    m_viewMenu->addAction(m_findAction);
    m_viewMenu->addAction(m_detailsDock->toggleViewAction());
    m_viewMenu->addSeparator();
    m_languageMenu = m_viewMenu->addMenu(QString());
    m_languageMenu->addActions(m_languageGroup->actions());

    m_instanceMenu = menuBar()->addMenu(QString());
    for (InstanceAction kind : allInstanceActions())
        m_instanceMenu->addAction(m_actions.value(kind));

    m_siteMenu = menuBar()->addMenu(QString());
    m_siteMenu->addAction(m_outageUi->prepareAction());
    m_siteMenu->addAction(m_outageUi->endAction());
    // Enabled by state, and the state may change while the menu is closed.
    connect(m_siteMenu, &QMenu::aboutToShow, m_outageUi, &OutageUiController::updateActions);

    m_helpMenu = menuBar()->addMenu(QString());
    m_helpMenu->addAction(m_aboutAction);

    m_toolBar = addToolBar(QString());
    m_toolBar->setObjectName(QStringLiteral("mainToolBar"));
    m_toolBar->setToolButtonStyle(Qt::ToolButtonTextBesideIcon);
    for (InstanceAction kind : allInstanceActions())
        m_toolBar->addAction(m_actions.value(kind));
    m_toolBar->addSeparator();
    m_toolBar->addAction(m_zoomInAction);
    m_toolBar->addAction(m_zoomOutAction);
    m_toolBar->addAction(m_fitAction);

    connect(m_map, &CampusMapView::contextMenuRequested, this, &MainWindow::showInstanceMenu);
    connect(m_map, &CampusMapView::siteContextMenuRequested, this, &MainWindow::showSiteMenu);
    connect(m_instanceTable, &QWidget::customContextMenuRequested, this,
            [this](QPoint pos) { showInstanceMenu(m_instanceTable->viewport()->mapToGlobal(pos)); });
}

void MainWindow::createMigration()
{
    if (!m_migrations)
        return;
    m_migrationUi = new MigrationUiController(m_migrations, this, this);
    m_map->setDropHandler(m_migrationUi);
    connect(m_migrationUi, &MigrationUiController::statusMessage, this, &MainWindow::showStatusMessage);
    connect(m_migrationUi, &MigrationUiController::statusMessageEnded, this, [this](const QString& text) {
        if (statusBar()->currentMessage() == text)
            statusBar()->clearMessage();
    });
    connect(m_migrations, &MigrationController::journalFailed, this, [this](const Error& error) {
        showStatusMessage(tr("The journal could not be written (%n entries not on record): %1", nullptr,
                             m_migrations->journalFailures())
                              .arg(error.message));
        if (std::exchange(m_journalWarned, true))
            return;
        auto* box =
            new QMessageBox(QMessageBox::Warning, tr("The journal could not be written"),
                            tr("What Kumo does is no longer on record. Fix the journal before you go on."),
                            QMessageBox::Ok, this);
        box->setAttribute(Qt::WA_DeleteOnClose);
        box->setInformativeText(error.toString());
        showAsPlainText(box);
        box->open();
    });
    m_instanceTable->setDragEnabled(true);
    m_instanceTable->setDragDropMode(QAbstractItemView::DragOnly);
    m_instanceTable->setDefaultDropAction(Qt::MoveAction);

    m_migrateToAction = new QAction(this);
    m_migrateToAction->setShortcut(QKeySequence(Qt::CTRL | Qt::SHIFT | Qt::Key_M));
    connect(m_migrateToAction, &QAction::triggered, this,
            [this] { m_migrationUi->migrateTo(selectedInstances()); });
    m_instanceMenu->addSeparator();
    m_instanceMenu->addAction(m_migrateToAction);

    // Split brain: loud in the status bar, and a guided fix from the menus and the details.
    m_fixSplitAction = new QAction(this);
    m_fixSplitAction->setObjectName(QStringLiteral("fixSplitBrainAction"));
    connect(m_fixSplitAction, &QAction::triggered, this, [this] {
        const QStringList uuids = selectedInstances();
        if (uuids.size() == 1)
            openSplitBrainDialog(uuids.constFirst());
    });
    m_instanceMenu->addAction(m_fixSplitAction);
    connect(m_details, &DetailsPanel::fixSplitBrainRequested, this, &MainWindow::openSplitBrainDialog);
    connect(m_controller, &ClusterController::splitBrainChanged, this,
            [this](const QString& uuid, const QStringList& nodes) {
                const InstanceSnapshot* instance = m_controller->instance(uuid);
                const QString name = isolatedName(instance ? instance->name : uuid);
                if (nodes.isEmpty())
                    showStatusMessage(tr("%1 runs on one node again.").arg(name));
                else
                    showStatusMessage(
                        tr("Split brain: %1 runs on %2 at the same time. Its actions are locked; "
                           "use Fix split brain.")
                            .arg(name, Sentences::names(nodes)));
                if (m_selection->contains(uuid))
                    updateActions();
            });
    m_toolBar->insertAction(m_zoomInAction, m_migrateToAction);
    m_toolBar->insertSeparator(m_zoomInAction);

    m_preferencesAction = new QAction(this);
    m_preferencesAction->setShortcut(QKeySequence::Preferences);
    connect(m_preferencesAction, &QAction::triggered, this, [this] {
        auto* dialog = new PreferencesDialog(m_migrations, this);
        dialog->setAttribute(Qt::WA_DeleteOnClose);
        connect(dialog, &QDialog::accepted, m_outageUi, &OutageUiController::applyPreferences);
        dialog->open();
    });
    m_fileMenu->insertAction(m_quitAction, m_preferencesAction);
    m_fileMenu->insertSeparator(m_quitAction);

    m_jobsPanel = new JobsPanel(m_migrations->queue(), this);
    m_jobsDock = new QDockWidget(this);
    m_jobsDock->setObjectName(QStringLiteral("jobsDock"));
    m_jobsDock->setWidget(m_jobsPanel);
    addDockWidget(Qt::BottomDockWidgetArea, m_jobsDock);
    resizeDocks({m_jobsDock}, {220}, Qt::Vertical);
    // Out of the way until there is something to watch (a saved layout may show it again).
    m_jobsDock->hide();
    m_viewMenu->insertAction(m_detailsDock->toggleViewAction(), m_jobsDock->toggleViewAction());
    connect(m_migrations->queue(), &MigrationQueue::countsChanged, this, &MainWindow::scheduleStatusUpdate);
    // A job that starts shows the panel: the person wants to watch it.
    connect(m_migrations->queue(), &MigrationQueue::jobQueued, m_jobsDock, &QWidget::show);
}

void MainWindow::connectSelection()
{
    connect(m_selection, &ClusterSelection::changed, this, [this] {
        syncTablesFromSelection();
        updateActions();
    });
    connect(m_instanceTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { syncSelectionFromTable(m_instanceTable); });
    connect(m_nodeTable->selectionModel(), &QItemSelectionModel::selectionChanged, this,
            [this] { syncSelectionFromTable(m_nodeTable); });
}

void MainWindow::syncSelectionFromTable(QTableView* table)
{
    if (m_syncing)
        return;
    QStringList keys;
    const QModelIndexList rows = table->selectionModel()->selectedRows();
    keys.reserve(rows.size());
    for (const QModelIndex& row : rows)
        keys.append(row.data(ClusterFilterProxyModel::KeyRole).toString());
    // The current row is what the person looked at last: it goes last, for the details panel.
    const QString current =
        table->selectionModel()->currentIndex().data(ClusterFilterProxyModel::KeyRole).toString();
    if (keys.removeAll(current) > 0)
        keys.append(current);
    if (table == m_instanceTable) {
        if (!keys.isEmpty() || m_selection->kind() == ClusterSelection::Kind::Instances)
            m_selection->selectInstances(keys);
    } else if (!keys.isEmpty() || m_selection->kind() == ClusterSelection::Kind::Nodes) {
        m_selection->selectNodes(keys);
    }
}

void MainWindow::syncTablesFromSelection()
{
    m_syncing = true;
    const auto apply = [](QTableView* table, ClusterFilterProxyModel* proxy, const QStringList& keys) {
        QItemSelection wanted;
        QModelIndex last;
        for (const QString& key : keys) {
            const QModelIndex index = proxy->indexOfKey(key);
            if (!index.isValid())
                continue;
            wanted.select(index, index.siblingAtColumn(proxy->columnCount() - 1));
            last = index;
        }
        QItemSelectionModel* model = table->selectionModel();
        model->select(wanted, QItemSelectionModel::ClearAndSelect | QItemSelectionModel::Rows);
        if (last.isValid()) {
            model->setCurrentIndex(last, QItemSelectionModel::NoUpdate);
            table->scrollTo(last);
        }
    };
    const bool instances = m_selection->kind() == ClusterSelection::Kind::Instances;
    const bool nodes = m_selection->kind() == ClusterSelection::Kind::Nodes;
    apply(m_instanceTable, m_instanceProxy, instances ? m_selection->keys() : QStringList());
    apply(m_nodeTable, m_nodeProxy, nodes ? m_selection->keys() : QStringList());
    m_syncing = false;
}

QStringList MainWindow::selectedInstances() const
{
    return m_selection->kind() == ClusterSelection::Kind::Instances ? m_selection->keys() : QStringList();
}

QString MainWindow::readOnlyReason() const
{
    QStringList nodes;
    for (const QString& uuid : selectedInstances()) {
        if (const InstanceSnapshot* instance = m_controller->instance(uuid))
            nodes.append(instance->node);
    }
    const Result<void> writable = m_controller->checkWritable(nodes);
    return writable ? QString() : writable.error().message;
}

void MainWindow::updateActions()
{
    const QStringList uuids = selectedInstances();
    // Refused by the controller too; disabled here so nobody tries, with the reason as tooltip.
    const QString refusal = readOnlyReason();
    for (auto it = m_defaultToolTips.cbegin(); it != m_defaultToolTips.cend(); ++it)
        it.key()->setToolTip(plainToolTip(refusal.isEmpty() ? it.value() : refusal));
    for (auto it = m_actions.cbegin(); it != m_actions.cend(); ++it) {
        bool applies = false;
        for (const QString& uuid : uuids) {
            const InstanceSnapshot* instance = m_controller->instance(uuid);
            if (instance && !instance->isSplit() && isActionAllowed(it.key(), instance->state)) {
                applies = true;
                break;
            }
        }
        it.value()->setEnabled(applies && refusal.isEmpty());
    }
    if (m_migrateToAction) {
        bool movable = false;
        for (const QString& uuid : uuids) {
            const InstanceSnapshot* instance = m_controller->instance(uuid);
            movable = movable || (instance && instance->isActive() && !instance->isSplit());
        }
        m_migrateToAction->setEnabled(movable && refusal.isEmpty());
    }
    if (m_fixSplitAction) {
        const InstanceSnapshot* instance =
            uuids.size() == 1 ? m_controller->instance(uuids.constFirst()) : nullptr;
        m_fixSplitAction->setEnabled(instance && instance->isSplit());
    }
}

void MainWindow::runAction(InstanceAction action)
{
    QStringList targets;
    QStringList names;
    for (const QString& uuid : selectedInstances()) {
        const InstanceSnapshot* instance = m_controller->instance(uuid);
        if (instance && isActionAllowed(action, instance->state)) {
            targets.append(uuid);
            names.append(isolatedName(instance->name));
        }
    }
    if (targets.isEmpty())
        return;
    if (isActionDestructive(action) && m_confirmDestructive) {
        QMessageBox box(QMessageBox::Warning, tr("Force off"),
                        tr("Force off %n instance(s)? This is like pulling the power plug: the guest loses "
                           "everything it has not written to disk.",
                           nullptr, int(targets.size())),
                        QMessageBox::NoButton, this);
        box.setInformativeText(Sentences::names(names));
        showAsPlainText(&box);
        QPushButton* forceOff = box.addButton(tr("Force Off"), QMessageBox::DestructiveRole);
        box.addButton(QMessageBox::Cancel);
        box.setDefaultButton(QMessageBox::Cancel);
        box.exec();
        if (box.clickedButton() != forceOff)
            return;
    }
    for (const QString& uuid : std::as_const(targets))
        m_ownRequests.insert(m_controller->requestAction(uuid, action));
}

void MainWindow::onActionFinished(quint64 requestId, const QString& uuid, InstanceAction action,
                                  const Error& error)
{
    scheduleStatusUpdate();
    // Other requesters (scripts, evacuations) report their own outcomes.
    if (!m_ownRequests.remove(requestId))
        return;
    const InstanceSnapshot* instance = m_controller->instance(uuid);
    const QString name = isolatedName(instance ? instance->name : uuid);
    if (error.code == ErrorCode::None) {
        statusBar()->showMessage(instanceActionDoneText(action).arg(name), 5000);
        return;
    }
    // Not modal: other work goes on while the message is read.
    auto* box = new QMessageBox(
        QMessageBox::Warning, tr("Action failed"),
        tr("%1: %2 did not succeed.").arg(name, QString(instanceActionText(action)).remove(QLatin1Char('&'))),
        QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setInformativeText(error.message);
    showAsPlainText(box);
    if (!error.detail.isEmpty())
        box->setDetailedText(error.detail);
    box->open();
}

SplitBrainDialog* MainWindow::openSplitBrainDialog(const QString& uuid)
{
    if (!m_migrations)
        return nullptr;
    if (m_splitDialog && m_splitDialog->uuid() == uuid) {
        m_splitDialog->raise();
        m_splitDialog->activateWindow();
        return m_splitDialog;
    }
    if (m_splitDialog)
        m_splitDialog->close();
    m_splitDialog = new SplitBrainDialog(m_migrations, uuid, this);
    m_splitDialog->show();
    return m_splitDialog;
}

void MainWindow::showInstanceMenu(const QPoint& globalPos)
{
    if (selectedInstances().isEmpty())
        return;
    QMenu menu(this);
    for (InstanceAction kind : allInstanceActions())
        menu.addAction(m_actions.value(kind));
    if (m_migrateToAction) {
        menu.addSeparator();
        menu.addAction(m_migrateToAction);
    }
    if (m_fixSplitAction && m_fixSplitAction->isEnabled())
        menu.addAction(m_fixSplitAction);
    menu.exec(globalPos);
}

void MainWindow::setLanguage(const QString& code)
{
    if (code == language::current())
        return;
    language::install(code);
    QSettings().setValue(QStringLiteral("language"), code);
    for (QAction* act : m_languageGroup->actions())
        act->setChecked(act->data().toString() == code);
}

void MainWindow::setEvacuation(Evacuation* evacuation)
{
    if (m_outageUi->evacuation() || !evacuation)
        return;
    m_outageUi->setEvacuation(evacuation);
    QDockWidget* dock = m_outageUi->dock();
    // Where the last session had it (restoreSettings() ran before it existed), else with the jobs.
    if (!restoreDockWidget(dock)) {
        addDockWidget(Qt::BottomDockWidgetArea, dock);
        if (m_jobsDock)
            tabifyDockWidget(m_jobsDock, dock);
    }
    // Hidden until there is a run to watch.
    dock->hide();
    m_viewMenu->insertAction(m_detailsDock->toggleViewAction(), dock->toggleViewAction());
    if (m_monitoringUi)
        m_monitoringUi->setEvacuation(evacuation);
}

void MainWindow::setMonitoring(MonitoringController* monitoring, EventLog* eventLog)
{
    if (m_monitoringUi || !monitoring)
        return;
    m_monitoringUi =
        new MonitoringUiController(this, m_controller, m_selection, m_map->mapScene(), monitoring, eventLog);
    m_monitoringUi->setEvacuation(m_outageUi->evacuation());
    // The docks come after restoreSettings(): restoreDockWidget() puts each where the last session
    // had it (area, tab group, floating, shown or hidden). On a first start, they are shown tabbed
    // together at the bottom with the jobs, the Alerts tab in front.
    QDockWidget* alerts = m_monitoringUi->alertsDock();
    const bool alertsRestored = restoreDockWidget(alerts);
    if (!alertsRestored) {
        addDockWidget(Qt::BottomDockWidgetArea, alerts);
        if (m_jobsDock)
            tabifyDockWidget(m_jobsDock, alerts);
    }
    alerts->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_4));
    m_viewMenu->insertAction(m_detailsDock->toggleViewAction(), alerts->toggleViewAction());
    if (QDockWidget* log = m_monitoringUi->eventLogDock()) {
        if (!restoreDockWidget(log)) {
            addDockWidget(Qt::BottomDockWidgetArea, log);
            tabifyDockWidget(alerts, log);
        }
        log->toggleViewAction()->setShortcut(QKeySequence(Qt::CTRL | Qt::Key_5));
        m_viewMenu->insertAction(m_detailsDock->toggleViewAction(), log->toggleViewAction());
    }
    if (!alertsRestored)
        alerts->raise();
    // Before the counts of nodes and instances: what needs a person comes first.
    statusBar()->insertPermanentWidget(1, m_monitoringUi->statusButton());
}

void MainWindow::setServiceProber(ServiceProber* prober)
{
    m_instanceModel->setServiceProber(prober);
    m_details->setServiceProber(prober);
    if (m_jobsPanel)
        m_jobsPanel->model()->setServiceProber(prober);
}

void MainWindow::setCredentialBroker(CredentialBroker* broker)
{
    if (m_forgetCredentialsAction || !broker)
        return;
    m_broker = broker;
    if (m_nodeUi)
        m_nodeUi->setCredentialProvider(broker);
    m_forgetCredentialsAction = new QAction(tr("&Forget Credentials"), this);
    connect(m_forgetCredentialsAction, &QAction::triggered, this, [this, broker] {
        if (m_selection->kind() != ClusterSelection::Kind::Nodes)
            return;
        for (const QString& node : m_selection->keys()) {
            if (const NodeConfig* config = m_controller->inventory().node(node)) {
                broker->forget(node, config->uri);
                m_controller->refreshNow(node); // asks again at once rather than at the next retry
            }
        }
    });
    connect(m_nodeTable, &QWidget::customContextMenuRequested, this, [this](QPoint pos) {
        if (m_selection->kind() != ClusterSelection::Kind::Nodes || m_selection->keys().isEmpty())
            return;
        QMenu menu(this);
        if (m_nodeUi) {
            menu.addActions({m_nodeUi->editAction(), m_nodeUi->removeAction()});
            menu.addSeparator();
        }
        menu.addAction(m_forgetCredentialsAction);
        menu.exec(m_nodeTable->viewport()->mapToGlobal(pos));
    });
    connect(broker, &CredentialBroker::keychainUnavailable, this, &MainWindow::showStatusMessage);
    connect(broker, &CredentialBroker::rememberFailed, this,
            [this](const QString&, const QString& message) { showStatusMessage(message); });
    connect(broker, &CredentialBroker::forgotten, this,
            [this](const QString&, bool, const QString& message) { showStatusMessage(message); });
}

void MainWindow::setInventoryPath(const QString& path)
{
    if (!m_nodeUi) {
        m_nodeUi = new NodeUiController(m_controller, m_selection, this);
        m_nodeUi->setCredentialProvider(m_broker);
        menuBar()->insertMenu(m_helpMenu->menuAction(), m_nodeUi->menu());
        connect(m_nodeUi, &NodeUiController::saved, this, [this](const QString& node) {
            showStatusMessage(tr("Saved the inventory (node %1).").arg(node));
        });
    }
    m_nodeUi->setInventoryPath(path);
}

void MainWindow::showSiteMenu(const QString& site, const QPoint& globalPos)
{
    const std::unique_ptr<QMenu> menu(createSiteMenu(site, this));
    menu->exec(globalPos);
}

void MainWindow::showStatusMessage(const QString& text)
{
    statusBar()->showMessage(text, 10000);
}

void MainWindow::setFirstRun(const QString& inventoryPath)
{
    m_firstRunPath = inventoryPath;
    m_firstRun->setInventoryPath(inventoryPath);
    updateFirstRun();
}

bool MainWindow::isShowingFirstRun() const
{
    return m_mapStack->currentWidget() == m_firstRun;
}

void MainWindow::updateFirstRun()
{
    // The first node ends the first run for good: removing every node later shows an empty map.
    if (!m_firstRunPath.isEmpty() && !m_controller->nodeNames().isEmpty())
        m_firstRunPath.clear();
    m_mapStack->setCurrentWidget(m_firstRunPath.isEmpty() ? static_cast<QWidget*>(m_map) : m_firstRun);
}

void MainWindow::requestAddNode()
{
    const QString path = m_firstRunPath.isEmpty() ? Inventory::defaultPath() : m_firstRunPath;
    // The node dialog writes the inventory, and creates it on a first start.
    if (m_nodeUi) {
        m_nodeUi->addAction()->trigger();
        return;
    }
    if (isSignalConnected(QMetaMethod::fromSignal(&MainWindow::addNodeRequested))) {
        Q_EMIT addNodeRequested(path);
        return;
    }
    // Without a node dialog: say how to write the inventory by hand; it is read as soon as it is saved.
    auto* box = new QMessageBox(QMessageBox::Information, tr("Add a node"),
                                tr("Describe your campuses and nodes in %1. Kumo reads the file as soon as "
                                   "it is saved.")
                                    .arg(QDir::toNativeSeparators(path)),
                                QMessageBox::Ok, this);
    box->setAttribute(Qt::WA_DeleteOnClose);
    box->setObjectName(QStringLiteral("inventoryFormatBox"));
    box->setTextInteractionFlags(Qt::TextSelectableByMouse);
    box->setInformativeText(
        tr("One [[site]] per campus and one [[node]] per libvirt host, for example:\n\n"
           "[[site]]\nid = \"main\"\nname = \"Main campus\"\n\n"
           "[[node]]\nname = \"node-01\"\nsite = \"main\"\nuri = \"qemu+ssh://admin@node-01/system\""));
    showAsPlainText(box);
    box->open();
}

void MainWindow::chooseInventory()
{
    auto* dialog =
        new QFileDialog(this, tr("Open Inventory"), QFileInfo(Inventory::defaultPath()).absolutePath(),
                        tr("Inventory (*.toml);;All files (*)"));
    dialog->setAttribute(Qt::WA_DeleteOnClose);
    dialog->setFileMode(QFileDialog::ExistingFile);
    connect(dialog, &QFileDialog::fileSelected, this, &MainWindow::openInventoryRequested);
    dialog->open();
}

void MainWindow::updateReadOnly()
{
    retranslate();
    m_outageUi->updateActions();
}

void MainWindow::setLibvirtVersion(const QString& version)
{
    m_libvirtVersion = version;
}

void MainWindow::setBanner(const QString& text)
{
    m_bannerText = {};
    m_banner->setText(text);
    m_banner->setVisible(!text.isEmpty());
}

void MainWindow::setBanner(std::function<QString()> text)
{
    m_bannerText = std::move(text);
    const QString shown = m_bannerText ? m_bannerText() : QString();
    m_banner->setText(shown);
    m_banner->setVisible(!shown.isEmpty());
}

void MainWindow::showInventoryError(const Error& error)
{
    setBanner([error] {
        return tr("The inventory file has a problem; the console keeps using the last good version.\n%1")
            .arg(error.toString());
    });
}

void MainWindow::changeEvent(QEvent* event)
{
    if (event->type() == QEvent::LanguageChange) {
        retranslate();
        // Widgets laid out for one script keep their sizes when texts switch to another
        // (Japanese glyphs come from a taller fallback font): lay everything out again once
        // all widgets have their new texts.
        if (!m_relayoutPending) {
            m_relayoutPending = true;
            QTimer::singleShot(0, this, [this] {
                m_relayoutPending = false;
                const QList<QWidget*> widgets = findChildren<QWidget*>();
                for (QWidget* widget : widgets) {
                    widget->updateGeometry();
                    if (widget->layout())
                        widget->layout()->invalidate();
                }
                if (QLayout* top = layout())
                    top->activate();
                menuBar()->adjustSize();
            });
        }
    }
    QMainWindow::changeEvent(event);
}

void MainWindow::closeEvent(QCloseEvent* event)
{
    // Mid-run the outage controller asks first (finish the moves, cancel them, or keep the window).
    if (!m_outageUi->mayClose()) {
        event->ignore();
        return;
    }
    saveSettings();
    QMainWindow::closeEvent(event);
    if (m_quitWhenClosed) {
        m_quitWhenClosed = false;
        QCoreApplication::quit(); // other top-level windows (a dialog) must not keep it alive
    }
}

void MainWindow::quitOnSignal(bool hangup)
{
    // After a second signal the aborted moves' threads are not waited for long: their results
    // are recorded as unknown when they do not come in time (MigrationController).
    constexpr int QuitAtOnceWaitMs = 1000;
    switch (m_outageUi->answerQuitSignal(hangup)) {
    case OutageUiController::SignalAnswer::Cancelling:
        m_quitWhenClosed = true; // the controller closes the window when no move is in flight
        return;
    case OutageUiController::SignalAnswer::Ignored:
        return;
    case OutageUiController::SignalAnswer::QuitAtOnce:
        m_migrations->queue()->setShutdownWait(QuitAtOnceWaitMs);
        // quit() would ask the windows to close first, and this one waits for its moves.
        QCoreApplication::exit(0);
        return;
    case OutageUiController::SignalAnswer::Quit:
        break;
    }
    QCoreApplication::quit();
}

void MainWindow::retranslate()
{
    applyLanguageFont(language::current());
    if (m_bannerText)
        m_banner->setText(m_bannerText());
    const bool readOnly = m_controller->readOnly();
    setWindowTitle(readOnly ? tr("Kumo — campus cloud console — Read-only")
                            : tr("Kumo — campus cloud console"));
    m_readOnlyStatus->setVisible(readOnly);
    m_readOnlyStatus->setText(tr("Read-only"));
    m_readOnlyStatus->setToolTip(
        tr("Read-only mode (kumo --read-only): Kumo shows the cloud and changes nothing."));
    for (auto it = m_actions.cbegin(); it != m_actions.cend(); ++it) {
        it.value()->setText(instanceActionText(it.key()));
        it.value()->setIconText(toolBarText(it.value()->text()));
        m_defaultToolTips.insert(
            it.value(),
            QStringLiteral("%1 (%2)").arg(QString(instanceActionText(it.key())).remove(QLatin1Char('&')),
                                          it.value()->shortcut().toString(QKeySequence::NativeText)));
    }
    m_addNodeAction->setText(tr("&Add Node…"));
    m_openInventoryAction->setText(tr("&Open Inventory…"));
    m_quitAction->setText(tr("&Quit"));
    m_zoomInAction->setText(tr("Zoom &In"));
    m_zoomOutAction->setText(tr("Zoom &Out"));
    m_fitAction->setText(tr("Fit Map to &Window"));
    for (QAction* action : {m_zoomInAction, m_zoomOutAction, m_fitAction})
        action->setIconText(toolBarText(action->text()));
    m_findAction->setText(tr("&Filter…"));
    m_showMapAction->setText(tr("Go to &Map"));
    m_showNodesAction->setText(tr("Go to &Nodes"));
    m_showInstancesAction->setText(tr("Go to In&stances"));
    m_aboutAction->setText(tr("&About Kumo"));
    m_fileMenu->setTitle(tr("&File"));
    m_viewMenu->setTitle(tr("&View"));
    m_languageMenu->setTitle(tr("&Language"));
    m_instanceMenu->setTitle(tr("&Instance"));
    m_helpMenu->setTitle(tr("&Help"));
    m_siteMenu->setTitle(tr("&Site"));
    m_outageUi->retranslate();
    if (m_nodeUi)
        m_nodeUi->retranslate();
    m_toolBar->setWindowTitle(tr("Instance actions"));
    m_detailsDock->setWindowTitle(tr("Details"));
    if (m_forgetCredentialsAction)
        m_forgetCredentialsAction->setText(tr("&Forget Credentials"));
    if (m_migrateToAction) {
        m_migrateToAction->setText(tr("&Migrate to…"));
        m_migrateToAction->setIconText(toolBarText(m_migrateToAction->text()));
        m_fixSplitAction->setText(tr("Fix split &brain…"));
        m_defaultToolTips.insert(m_migrateToAction,
                                 tr("Move the selected instances live to another node (%1)")
                                     .arg(m_migrateToAction->shortcut().toString(QKeySequence::NativeText)));
        m_jobsDock->setWindowTitle(tr("Migrations"));
        m_preferencesAction->setText(tr("&Preferences…"));
    }
    m_tabs->setTabText(0, tr("Nodes"));
    m_tabs->setTabText(1, tr("Instances"));
    m_nodeFilter->setPlaceholderText(tr("Filter nodes: name, state, site — or site:yamate state:connected"));
    m_instanceFilter->setPlaceholderText(tr("Filter instances: name, state, node, site — or node:yamate-01"));
    m_nodeFilter->setAccessibleName(tr("Filter nodes"));
    m_instanceFilter->setAccessibleName(tr("Filter instances"));
    m_nodeTable->setAccessibleName(tr("Nodes"));
    m_instanceTable->setAccessibleName(tr("Instances"));
    m_tabs->setAccessibleName(tr("Tables"));
    updateActions(); // the tooltips, which say why an action is refused
    updateStatus();
}

void MainWindow::scheduleStatusUpdate()
{
    // Many changes arrive in one burst after a poll: count once for all of them, and at most
    // every StatusSpacingMs while they keep coming. A change after a quiet spell shows at once.
    constexpr qint64 StatusSpacingMs = 50;
    if (m_statusTimer->isActive())
        return;
    const qint64 since = m_sinceStatus.isValid() ? m_sinceStatus.elapsed() : StatusSpacingMs;
    m_statusTimer->start(int(std::max<qint64>(0, StatusSpacingMs - since)));
}

void MainWindow::updateStatus()
{
    m_sinceStatus.start();
    m_nodesStatus->setText(
        tr("Nodes up: %1/%2").arg(m_controller->connectedNodeCount()).arg(m_controller->nodeNames().size()));
    m_instancesStatus->setText(tr("Instances running: %1/%2")
                                   .arg(m_controller->runningInstanceCount())
                                   .arg(m_controller->instanceCount()));
    const int migrations = m_migrations ? m_migrations->queue()->runningCount() : 0;
    m_jobsStatus->setText(tr("Jobs running: %1").arg(m_controller->runningActionCount() + migrations));
}

QString MainWindow::statusText() const
{
    QStringList parts{m_nodesStatus->text(), m_instancesStatus->text(), m_jobsStatus->text()};
    if (!m_readOnlyStatus->isHidden())
        parts.prepend(m_readOnlyStatus->text());
    return Sentences::figures(parts);
}

void MainWindow::restoreSettings()
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("window"));
    restoreGeometry(settings.value(QStringLiteral("geometry")).toByteArray());
    restoreState(settings.value(QStringLiteral("state")).toByteArray());
    m_splitter->restoreState(settings.value(QStringLiteral("splitter")).toByteArray());
    m_nodeTable->horizontalHeader()->restoreState(
        settings.value(QStringLiteral("nodeColumns")).toByteArray());
    m_instanceTable->horizontalHeader()->restoreState(
        settings.value(QStringLiteral("instanceColumns")).toByteArray());
    m_tabs->setCurrentIndex(settings.value(QStringLiteral("tab"), 1).toInt());
    // The map always opens fitted to the window (a zoom from another window size would show a
    // corner of it, or a small map in a large empty view); it is not restored.
    settings.endGroup();
}

void MainWindow::saveSettings() const
{
    QSettings settings;
    settings.beginGroup(QStringLiteral("window"));
    settings.setValue(QStringLiteral("geometry"), saveGeometry());
    settings.setValue(QStringLiteral("state"), saveState());
    settings.setValue(QStringLiteral("splitter"), m_splitter->saveState());
    settings.setValue(QStringLiteral("nodeColumns"), m_nodeTable->horizontalHeader()->saveState());
    settings.setValue(QStringLiteral("instanceColumns"), m_instanceTable->horizontalHeader()->saveState());
    settings.setValue(QStringLiteral("tab"), m_tabs->currentIndex());
    settings.remove(QStringLiteral("zoom")); // written by earlier versions
    settings.endGroup();
}

} // namespace kumo
