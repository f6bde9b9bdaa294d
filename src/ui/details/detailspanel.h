// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// DetailsPanel: the properties of the selected node or instance and its CPU and memory over the
// last minutes. It follows the shared selection and the controller's change signals for the one
// key it shows, and reads history the sessions already polled: it never asks libvirt itself.
// History grows without any "change" signal, so while visible the charts also redraw on a timer.
// An instance whose host reports them also shows its disk and network rates, CPU steal and host
// memory (RSS) with graphs; a node shows its CPU time split, storage pools, its top consumers and
// the totals of every campus.
// Thread: GUI.
// Owner: its parent widget (the main window's splitter).
#pragma once

#include <QString>
#include <QTimer>
#include <QWidget>

#include "ui/clusterselection.h"

class QLabel;
class QPushButton;
class QStackedWidget;

namespace kumo {

class CampusSummaryTable;
class ClusterController;
class HistoryChart;
class ProbeLatencyChart;
class ServiceProber;
class TopConsumersTable;
class PropertyForm;
struct InstanceSnapshot;
struct NodeSnapshot;

class DetailsPanel : public QWidget
{
    Q_OBJECT

public:
    static constexpr int ChartRefreshMs = 2000;

    DetailsPanel(ClusterController* controller, ClusterSelection* selection, QWidget* parent = nullptr);

    // What the panel shows: Kind::None while it shows the hint or a "no longer exists" note.
    [[nodiscard]] ClusterSelection::Kind shownKind() const;
    [[nodiscard]] QString shownKey() const { return m_key; }
    // The sentence shown instead of properties (empty while properties are shown).
    [[nodiscard]] QString messageText() const;

    [[nodiscard]] HistoryChart* cpuChart() const { return m_cpuChart; }
    [[nodiscard]] HistoryChart* memoryChart() const { return m_memoryChart; }
    // An instance's service probes get an answer-time chart below its memory chart.
    void setServiceProber(ServiceProber* prober);
    [[nodiscard]] ProbeLatencyChart* probeChart() const { return m_probeChart; }
    [[nodiscard]] HistoryChart* diskChart() const { return m_diskChart; }
    [[nodiscard]] HistoryChart* networkChart() const { return m_networkChart; }
    [[nodiscard]] TopConsumersTable* topConsumers() const { return m_topConsumers; }
    [[nodiscard]] CampusSummaryTable* campusSummary() const { return m_campusSummary; }

Q_SIGNALS:
    // The person asked to fix the split brain of the instance shown.
    void fixSplitBrainRequested(const QString& uuid);

protected:
    void changeEvent(QEvent* event) override;
    void showEvent(QShowEvent* event) override;
    void hideEvent(QHideEvent* event) override;

private:
    enum NodeRow
    {
        NodeName,
        NodeSite,
        NodeState,
        NodeError,
        NodeUri,
        NodeHostname,
        NodeHypervisor,
        NodeLibvirt,
        NodeCpuModel,
        NodeCpus,
        NodeMemory,
        NodeCpuUsage,
        NodeLoad,  // only where the host reports its CPU time split
        NodePools, // only where the pools can be listed
        NodeInstances,
        NodeMaintenance,
        NodeMigrationUri,
        NodeSecurity, // only for a node reached insecurely with allow_insecure: the warning
        NodeRowCount
    };
    enum InstanceRow
    {
        InstanceName,
        InstanceUuid,
        InstanceState,
        InstanceSplit, // only for an instance running on two nodes: the warning
        InstanceNode,
        InstanceSite,
        InstanceVcpus,
        InstanceMemory,
        InstanceCpu,
        // Only where the host reports them (QEMU's bulk stats; not the test driver).
        InstanceSteal,
        InstanceHostMemory,
        InstanceDisk,
        InstanceNetwork,
        InstancePersistent,
        InstanceAutostart,
        InstanceHomeNode,
        InstancePriority,
        InstanceAntiAffinity,
        InstanceRowCount
    };

    void followSelection();
    void onNodeChanged(const QString& node);
    void onNodeRemoved(const QString& node);
    void onInstanceChanged(const QString& uuid);
    void onInstanceRemoved(const QString& uuid);

    void retranslateUi();
    void refresh();
    void refreshCharts();
    void fillNode(const NodeSnapshot& node);
    void fillInstance(const InstanceSnapshot& instance);
    // Shows a sentence instead of properties; the key is kept so a returning object shows again.
    void showMessage();
    void updateTimer();
    [[nodiscard]] QString siteName(const QString& nodeName) const;

    ClusterController* m_controller;
    ClusterSelection* m_selection;
    ClusterSelection::Kind m_kind = ClusterSelection::Kind::None;
    QString m_key;
    QString m_lastName; // name of what was shown, for the "no longer exists" note
    bool m_gone = false;

    QStackedWidget* m_stack = nullptr;
    QLabel* m_message = nullptr;
    QLabel* m_title = nullptr;
    QLabel* m_subtitle = nullptr;
    QPushButton* m_fixSplitButton = nullptr;
    PropertyForm* m_nodeForm = nullptr;
    PropertyForm* m_instanceForm = nullptr;
    HistoryChart* m_cpuChart = nullptr;
    HistoryChart* m_memoryChart = nullptr;
    ProbeLatencyChart* m_probeChart = nullptr;
    HistoryChart* m_diskChart = nullptr;
    HistoryChart* m_networkChart = nullptr;
    QLabel* m_topTitle = nullptr;
    TopConsumersTable* m_topConsumers = nullptr;
    QLabel* m_campusTitle = nullptr;
    CampusSummaryTable* m_campusSummary = nullptr;
    QTimer m_chartTimer;
};

} // namespace kumo
