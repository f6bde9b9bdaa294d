// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// MainWindow: the console staff look at all day. The campus map beside tables of nodes and
// instances, a details panel, instance actions in menus, toolbar, context menus and keys, and a
// status bar. Everything follows the ClusterController's fine-grained signals; actions go to the
// controller, which runs them on the node's session thread: the window never waits.
// Layout, splitter sizes, zoom, column choices and the language persist in QSettings.
// Thread: GUI.
// Owner: main(), on the stack.
#pragma once

#include <functional>

#include <QElapsedTimer>
#include <QHash>
#include <QMainWindow>
#include <QPointer>
#include <QSet>
#include <QString>

#include "core/instanceaction.h"
#include "core/outageplan.h"
#include "ui/outage/outageuicontroller.h"

class QAction;
class QActionGroup;
class QDockWidget;
class QFrame;
class QLabel;
class QPushButton;
class QLineEdit;
class QMenu;
class QSplitter;
class QStackedWidget;
class QTabWidget;
class QTableView;
class QTimer;
class QToolBar;

namespace kumo {

class CampusMapView;
class ClusterController;
class ClusterFilterProxyModel;
class ClusterSelection;
class CredentialBroker;
class DetailsPanel;
class SplitBrainDialog;
class Evacuation;
class FirstRunWidget;
class InstanceTableModel;
class JobsPanel;
class EventLog;
class MigrationController;
class MigrationUiController;
class MonitoringController;
class MonitoringUiController;
class ServiceProber;
class NodeTableModel;
class NodeUiController;
class OutagePanel;
class OutageWizard;
struct Error;

class MainWindow : public QMainWindow
{
    Q_OBJECT

public:
    // Without `migrations` the window offers no migration (drag-and-drop, "Migrate to…", jobs).
    explicit MainWindow(ClusterController* controller, MigrationController* migrations = nullptr,
                        QWidget* parent = nullptr);
    ~MainWindow() override;

    // The libvirt library's version, for About (the window does not ask libvirt itself).
    void setLibvirtVersion(const QString& version);
    // A line shown above the views while something long runs (e.g. the demo lab starting).
    void setBanner(const QString& text);
    // The same, made again by `text` when the language changes.
    void setBanner(std::function<QString()> text);
    // Shows a problem with the inventory file while the last good one stays in use.
    void showInventoryError(const Error& error);
    // No inventory at `inventoryPath` yet: the map area offers to make one (FirstRunWidget) until
    // the first node appears. An empty path ends the first run.
    void setFirstRun(const QString& inventoryPath);
    [[nodiscard]] FirstRunWidget* firstRun() const { return m_firstRun; }
    [[nodiscard]] bool isShowingFirstRun() const;
    // File → Add Node… and the first-run button. With an inventory path (setInventoryPath) it opens
    // the node dialog, which creates the file on a first start; without one it emits
    // addNodeRequested(), and with nothing connected to that either it explains the file's format.
    [[nodiscard]] QAction* addNodeAction() const { return m_addNodeAction; }
    [[nodiscard]] QAction* openInventoryAction() const { return m_openInventoryAction; }
    // Why the selected instances cannot be changed (read-only mode or a read-only node); empty when
    // they can.
    [[nodiscard]] QString readOnlyReason() const;
    // Enables planned outages: the Site menu, the outage panel, plan arrows on the map, and the
    // offer to resume an evacuation a previous console left unfinished. Set once; it must outlive
    // the window's use of it (main() destroys it after the window).
    void setEvacuation(Evacuation* evacuation);
    // Offers "Forget credentials" for the selected nodes and shows what the broker reports
    // (no keychain service, remembering failed). Set once; it must outlive the window.
    void setCredentialBroker(CredentialBroker* broker);
    [[nodiscard]] QAction* forgetCredentialsAction() const { return m_forgetCredentialsAction; }
    // Shows alerts: the Alerts dock, counts in the status bar, badges on the map, desktop
    // notifications; with `eventLog` also the Event Log dock. Set once; both must outlive the window.
    void setMonitoring(MonitoringController* monitoring, EventLog* eventLog = nullptr);
    [[nodiscard]] MonitoringUiController* monitoringUi() const { return m_monitoringUi; }
    // Shows service probes: the instance table's Service column and the answer-time chart in the
    // details. Set once; it must outlive the window.
    void setServiceProber(ServiceProber* prober);
    // Offers Add / Edit / Remove Node, written into the inventory file at `path` in place. Called
    // when the inventory comes from a file; the file's watcher shows the change.
    void setInventoryPath(const QString& path);
    [[nodiscard]] NodeUiController* nodeUi() const { return m_nodeUi; }
    [[nodiscard]] Evacuation* evacuation() const { return m_outageUi->evacuation(); }

    // For tests and the benchmark.
    [[nodiscard]] ClusterSelection* selection() const { return m_selection; }
    [[nodiscard]] CampusMapView* map() const { return m_map; }
    [[nodiscard]] QTableView* nodeTable() const { return m_nodeTable; }
    [[nodiscard]] QTableView* instanceTable() const { return m_instanceTable; }
    [[nodiscard]] NodeTableModel* nodeModel() const { return m_nodeModel; }
    [[nodiscard]] InstanceTableModel* instanceModel() const { return m_instanceModel; }
    [[nodiscard]] ClusterFilterProxyModel* instanceProxy() const { return m_instanceProxy; }
    [[nodiscard]] QLineEdit* instanceFilter() const { return m_instanceFilter; }
    [[nodiscard]] DetailsPanel* details() const { return m_details; }
    [[nodiscard]] QAction* action(InstanceAction action) const { return m_actions.value(action); }
    [[nodiscard]] QString statusText() const;
    [[nodiscard]] MigrationUiController* migrationUi() const { return m_migrationUi; }
    [[nodiscard]] JobsPanel* jobsPanel() const { return m_jobsPanel; }
    [[nodiscard]] QAction* migrateToAction() const { return m_migrateToAction; }
    [[nodiscard]] QAction* fixSplitBrainAction() const { return m_fixSplitAction; }
    // The guided fix for a split instance (one dialog at a time); nullptr without migrations.
    SplitBrainDialog* openSplitBrainDialog(const QString& uuid);
    [[nodiscard]] OutageUiController* outageUi() const { return m_outageUi; }
    [[nodiscard]] QAction* prepareOutageAction() const { return m_outageUi->prepareAction(); }
    [[nodiscard]] QAction* endOutageAction() const { return m_outageUi->endAction(); }
    [[nodiscard]] QMenu* siteMenu() const { return m_siteMenu; }
    [[nodiscard]] OutagePanel* outagePanel() const { return m_outageUi->panel(); }
    [[nodiscard]] QDockWidget* outageDock() const { return m_outageUi->dock(); }
    [[nodiscard]] OutageWizard* outageWizard() const { return m_outageUi->wizard(); }
    // The offer to resume an unfinished outage run (hidden when there is none).
    [[nodiscard]] QFrame* resumeBar() const { return m_outageUi->resumeBar(); }
    [[nodiscard]] QPushButton* resumeButton() const { return m_outageUi->resumeButton(); }
    // The map's context menu for a site (the caller owns it; showSiteMenu() runs it).
    [[nodiscard]] QMenu* createSiteMenu(const QString& site, QWidget* parent)
    {
        return m_outageUi->createSiteMenu(site, parent);
    }
    // Opens the outage wizard (window-modal, not blocking); raises the one already open.
    OutageWizard* openOutageWizard(OutageDirection direction, const QString& site = {})
    {
        return m_outageUi->openWizard(direction, site);
    }

    // Skips the confirmation of destructive actions (tests, scripted use).
    void setConfirmDestructiveActions(bool confirm) { m_confirmDestructive = confirm; }

Q_SIGNALS:
    // The person asked to add a node; the inventory is (or will be) at `inventoryPath`.
    void addNodeRequested(const QString& inventoryPath);
    // The person chose an inventory file to switch to.
    void openInventoryRequested(const QString& path);
    // The person asked for the demo lab (the first-run window's button).
    void demoRequested();

public Q_SLOTS:
    // Runs `action` on every selected instance it applies to (asks first when it can lose data).
    void runAction(kumo::InstanceAction action);
    void setLanguage(const QString& language);
    // A quit signal (SIGINT, SIGTERM; SIGHUP when `hangup`): quits, except mid-run, where it
    // cancels the moves and quits once none is in flight (a second signal quits at once) and
    // SIGHUP is ignored (OutageUiController::answerQuitSignal).
    void quitOnSignal(bool hangup);

protected:
    void changeEvent(QEvent* event) override;
    void closeEvent(QCloseEvent* event) override;

private:
    void createViews();
    void createMigration();
    void createActions();
    void createMenus();
    void connectSelection();
    void retranslate();
    void updateActions();
    void scheduleStatusUpdate();
    void updateStatus();
    void showInstanceMenu(const QPoint& globalPos);
    void showSiteMenu(const QString& site, const QPoint& globalPos);
    void showStatusMessage(const QString& text);
    void updateFirstRun();
    void requestAddNode();
    void chooseInventory();
    void updateReadOnly();
    void onActionFinished(quint64 requestId, const QString& uuid, InstanceAction action, const Error& error);
    void syncTablesFromSelection();
    void syncSelectionFromTable(QTableView* table);
    void restoreSettings();
    void saveSettings() const;
    [[nodiscard]] QStringList selectedInstances() const;

    ClusterController* m_controller;
    MigrationController* m_migrations;
    ClusterSelection* m_selection;
    MigrationUiController* m_migrationUi = nullptr;
    JobsPanel* m_jobsPanel = nullptr;
    QDockWidget* m_jobsDock = nullptr;
    QAction* m_migrateToAction = nullptr;
    QAction* m_fixSplitAction = nullptr;
    QPointer<SplitBrainDialog> m_splitDialog;
    QAction* m_forgetCredentialsAction = nullptr;
    NodeUiController* m_nodeUi = nullptr;
    MonitoringUiController* m_monitoringUi = nullptr;
    CredentialBroker* m_broker = nullptr;
    bool m_journalWarned = false;
    bool m_quitWhenClosed = false; // a quit signal is waiting for the window to close
    QAction* m_preferencesAction = nullptr;
    NodeTableModel* m_nodeModel = nullptr;
    InstanceTableModel* m_instanceModel = nullptr;
    ClusterFilterProxyModel* m_nodeProxy = nullptr;
    ClusterFilterProxyModel* m_instanceProxy = nullptr;
    CampusMapView* m_map = nullptr;
    QStackedWidget* m_mapStack = nullptr; // the map, or the first-run page before there are nodes
    FirstRunWidget* m_firstRun = nullptr;
    QString m_firstRunPath; // the inventory that does not exist yet; empty after the first run
    QAction* m_addNodeAction = nullptr;
    QAction* m_openInventoryAction = nullptr;
    QLabel* m_readOnlyStatus = nullptr;
    QHash<QAction*, QString> m_defaultToolTips; // shown again when an action is no longer refused
    QTableView* m_nodeTable = nullptr;
    QTableView* m_instanceTable = nullptr;
    QLineEdit* m_nodeFilter = nullptr;
    QLineEdit* m_instanceFilter = nullptr;
    QTabWidget* m_tabs = nullptr;
    QSplitter* m_splitter = nullptr;
    DetailsPanel* m_details = nullptr;
    QDockWidget* m_detailsDock = nullptr;
    QLabel* m_banner = nullptr;
    QString m_libvirtVersion;
    std::function<QString()> m_bannerText; // empty: the banner's text is fixed
    QLabel* m_nodesStatus = nullptr;
    QLabel* m_instancesStatus = nullptr;
    QLabel* m_jobsStatus = nullptr;
    QTimer* m_statusTimer = nullptr;
    QElapsedTimer m_sinceStatus; // since the status bar last counted
    QToolBar* m_toolBar = nullptr;
    QMenu* m_fileMenu = nullptr;
    QMenu* m_viewMenu = nullptr;
    QMenu* m_instanceMenu = nullptr;
    QMenu* m_languageMenu = nullptr;
    QMenu* m_helpMenu = nullptr;
    QMenu* m_siteMenu = nullptr;
    OutageUiController* m_outageUi;
    QHash<InstanceAction, QAction*> m_actions;
    QAction* m_quitAction = nullptr;
    QAction* m_zoomInAction = nullptr;
    QAction* m_zoomOutAction = nullptr;
    QAction* m_fitAction = nullptr;
    QAction* m_findAction = nullptr;
    QAction* m_showMapAction = nullptr;
    QAction* m_showNodesAction = nullptr;
    QAction* m_showInstancesAction = nullptr;
    QAction* m_aboutAction = nullptr;
    QActionGroup* m_languageGroup = nullptr;
    QSet<quint64> m_ownRequests; // actions this window asked for: only those are reported here
    bool m_syncing = false;
    bool m_relayoutPending = false;
    bool m_confirmDestructive = true;
};

} // namespace kumo
