// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/migration/migrationoutcomewatch.h"

#include <QJsonArray>

#include "app/cluster/clustercontroller.h"

namespace kumo {

namespace {

// The copy holds the instance: its QEMU runs, whether its vCPUs do or not.
bool isActive(const InstanceCopyFacts& facts)
{
    if (facts.error.code != ErrorCode::None)
        return false;
    switch (facts.state) {
    case InstanceState::Running:
    case InstanceState::Blocked:
    case InstanceState::Paused:
    case InstanceState::ShuttingDown:
    case InstanceState::PmSuspended:
        return true;
    default:
        return false;
    }
}

// What one end said: its state, "undefined" when it does not know the instance.
QString answerOf(const InstanceCopyFacts& facts)
{
    if (facts.error.code == ErrorCode::NotFound)
        return QStringLiteral("undefined");
    return instanceStateKey(facts.state);
}

// An answer that says nothing about the copy: the node could not be asked.
bool unanswered(const InstanceCopyFacts& facts)
{
    return facts.error.code != ErrorCode::None && facts.error.code != ErrorCode::NotFound;
}

} // namespace

MigrationOutcomeWatch::MigrationOutcomeWatch(ClusterController* cluster, Recorder record, QObject* parent)
    : QObject(parent)
    , m_cluster(cluster)
    , m_record(std::move(record))
{
    connect(m_cluster, &ClusterController::nodeChanged, this, &MigrationOutcomeWatch::onNodeChanged);
    connect(m_cluster, &ClusterController::copyFactsReady, this, &MigrationOutcomeWatch::onCopyFacts);
}

void MigrationOutcomeWatch::follow(const MigrationRequest& request)
{
    Move move;
    move.request = request;
    // The console may have seen the loss before the job's result came.
    move.sourceWasDown = !connected(request.sourceNode);
    m_moves.insert(request.id, move);
}

bool MigrationOutcomeWatch::connected(const QString& node) const
{
    const NodeSnapshot* snapshot = m_cluster->node(node);
    return snapshot && snapshot->state == NodeState::Connected;
}

void MigrationOutcomeWatch::onNodeChanged(const QString& node)
{
    for (Move& move : m_moves) {
        if (node == move.request.sourceNode && !connected(node))
            move.sourceWasDown = true;
        if (node == move.request.sourceNode || node == move.request.destinationNode)
            ask(move);
    }
}

void MigrationOutcomeWatch::ask(Move& move)
{
    // Until the source's connection has gone and come back, what the console shows of it is what
    // it said before the loss.
    if (!move.sourceWasDown || move.sourceRequest != 0 || move.destinationRequest != 0)
        return;
    if (!connected(move.request.sourceNode) || !connected(move.request.destinationNode))
        return;
    move.atSource.reset();
    move.atDestination.reset();
    move.sourceRequest = m_cluster->requestCopyFacts(move.request.uuid, move.request.sourceNode);
    move.destinationRequest = m_cluster->requestCopyFacts(move.request.uuid, move.request.destinationNode);
}

void MigrationOutcomeWatch::onCopyFacts(quint64 requestId, const InstanceCopyFacts& facts)
{
    for (auto it = m_moves.begin(); it != m_moves.end(); ++it) {
        Move& move = *it;
        if (requestId == move.sourceRequest) {
            move.sourceRequest = 0;
            move.atSource = facts;
        } else if (requestId == move.destinationRequest) {
            move.destinationRequest = 0;
            move.atDestination = facts;
        } else {
            continue;
        }
        if (!move.atSource || !move.atDestination)
            return;
        if (unanswered(*move.atSource) || unanswered(*move.atDestination)) {
            // A node went away again: asked anew when it is back (onNodeChanged).
            qInfo("Outcome of migration %llu: a node did not answer (%s); asking again when it does",
                  move.request.id,
                  qPrintable(
                      (unanswered(*move.atSource) ? move.atSource : move.atDestination)->error.toString()));
            move.atSource.reset();
            move.atDestination.reset();
            return;
        }
        const Move done = move;
        m_moves.erase(it);
        recordOutcome(done);
        return;
    }
}

void MigrationOutcomeWatch::recordOutcome(const Move& move)
{
    const MigrationRequest& r = move.request;
    QStringList nodes;
    if (isActive(*move.atSource))
        nodes.append(r.sourceNode);
    if (isActive(*move.atDestination))
        nodes.append(r.destinationNode);
    QString result;
    if (nodes.size() == 2)
        result = QStringLiteral("on-both");
    else if (nodes.isEmpty())
        result = QStringLiteral("on-neither");
    else
        result = nodes.constFirst() == r.sourceNode ? QStringLiteral("stayed") : QStringLiteral("moved");
    QJsonObject entry{
        {QStringLiteral("action"), QStringLiteral("migrate-outcome")},
        {QStringLiteral("job"), qint64(r.id)},
        {QStringLiteral("instance"),
         QJsonObject{{QStringLiteral("name"), r.name}, {QStringLiteral("uuid"), r.uuid}}},
        {QStringLiteral("from"), r.sourceNode},
        {QStringLiteral("to"), r.destinationNode},
        {QStringLiteral("result"), result},
        {QStringLiteral("nodes"), QJsonArray::fromStringList(nodes)},
        // Each end's own answer: its libvirt state of the instance, or "undefined".
        {QStringLiteral("states"), QJsonObject{{r.sourceNode, answerOf(*move.atSource)},
                                               {r.destinationNode, answerOf(*move.atDestination)}}},
    };
    if (nodes.size() == 1)
        entry.insert(QStringLiteral("node"), nodes.constFirst());
    qInfo("Outcome of migration %llu of %s, whose source daemon was lost: %s", r.id, qPrintable(r.name),
          qPrintable(result));
    m_record(entry);
    Q_EMIT outcomeRecorded(r.id, nodes);
}

} // namespace kumo
