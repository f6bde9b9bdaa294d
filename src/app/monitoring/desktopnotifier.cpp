// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "app/monitoring/desktopnotifier.h"

#include <algorithm>

#include <QDBusConnection>
#include <QDBusMessage>
#include <QDBusPendingCall>
#include <QLocale>
#include <QVariantMap>

#include "app/monitoring/alerttexts.h"
#include "app/monitoring/monitoringcontroller.h"

namespace kumo {

namespace {

// The freedesktop specification's urgency levels.
constexpr int UrgencyNormal = 1;
constexpr int UrgencyCritical = 2;
// Names listed in one grouped notice; the rest are counted.
constexpr int NamesInNotice = 5;

int urgencyOf(AlertSeverity severity)
{
    return severity == AlertSeverity::Critical ? UrgencyCritical : UrgencyNormal;
}

} // namespace

DesktopNotifier::DesktopNotifier(MonitoringController* monitoring, QObject* parent)
    : QObject(parent)
    , m_monitoring(monitoring)
{
    m_wave.setSingleShot(true);
    m_wave.setInterval(DefaultWaveMs);
    connect(&m_wave, &QTimer::timeout, this, &DesktopNotifier::flush);
    connect(monitoring, &MonitoringController::alertRaised, this, &DesktopNotifier::onRaised);
}

void DesktopNotifier::setGrouping(const QString& runTitle)
{
    if (runTitle == m_runTitle)
        return;
    if (runTitle.isEmpty())
        flush();
    m_runTitle = runTitle;
}

void DesktopNotifier::onRaised(const Alert& alert)
{
    if (alert.silenced || alert.acknowledged || m_windowActive)
        return;
    if (isGrouping()) {
        m_gathered.append(alert);
        if (!m_wave.isActive())
            m_wave.start();
        return;
    }
    send(AlertTexts::kindText(alert.kind), AlertTexts::describe(alert), urgencyOf(alert.severity));
}

void DesktopNotifier::flush()
{
    m_wave.stop();
    // What a person acknowledged or what cleared while the wave gathered no longer wants them.
    QList<Alert> alerts;
    for (const Alert& gathered : std::as_const(m_gathered)) {
        const std::optional<Alert> now = m_monitoring->alert(gathered.id);
        if (now && !now->acknowledged && !now->silenced)
            alerts.append(*now);
    }
    m_gathered.clear();
    if (alerts.isEmpty() || m_windowActive)
        return;
    if (alerts.size() == 1) {
        const Alert& alert = alerts.constFirst();
        send(AlertTexts::kindText(alert.kind), AlertTexts::describe(alert), urgencyOf(alert.severity));
        return;
    }
    const int critical = int(std::count_if(alerts.cbegin(), alerts.cend(), [](const Alert& alert) {
        return alert.severity == AlertSeverity::Critical;
    }));
    const QString title = m_runTitle.isEmpty() ? tr("Outage run") : m_runTitle;
    const QString summary = critical > 0 ? tr("%1: %n alerts (%2 critical)", nullptr, int(alerts.size()))
                                               .arg(title, QString::number(critical))
                                         : tr("%1: %n alerts", nullptr, int(alerts.size())).arg(title);
    QStringList names;
    for (const Alert& alert : std::as_const(alerts)) {
        const QString name = AlertTexts::subjectText(alert);
        if (!names.contains(name))
            names.append(name);
    }
    QStringList shown = names.mid(0, NamesInNotice);
    if (names.size() > NamesInNotice)
        shown.append(tr("%n more", nullptr, int(names.size() - NamesInNotice)));
    QStringList kinds;
    for (const Alert& alert : std::as_const(alerts)) {
        const QString kind = AlertTexts::kindText(alert.kind);
        if (!kinds.contains(kind))
            kinds.append(kind);
    }
    const QString body =
        tr("%1 — %2").arg(QLocale().createSeparatedList(kinds), QLocale().createSeparatedList(shown));
    send(summary, body, critical > 0 ? UrgencyCritical : UrgencyNormal);
}

void DesktopNotifier::send(const QString& summary, const QString& body, int urgency)
{
    ++m_sent;
    Q_EMIT notified(summary, body, urgency);
    QDBusConnection bus = QDBusConnection::sessionBus();
    if (!bus.isConnected())
        return;
    QDBusMessage call = QDBusMessage::createMethodCall(
        QStringLiteral("org.freedesktop.Notifications"), QStringLiteral("/org/freedesktop/Notifications"),
        QStringLiteral("org.freedesktop.Notifications"), QStringLiteral("Notify"));
    QVariantMap hints;
    hints.insert(QStringLiteral("urgency"), QVariant::fromValue(uchar(urgency)));
    hints.insert(QStringLiteral("desktop-entry"), QStringLiteral("kumo"));
    // The body is markup for the servers that announce "body-markup" (most desktops do): names in
    // it are escaped so that they read as written.
    call << QStringLiteral("Kumo") << uint(0) << QStringLiteral("kumo") << summary << body.toHtmlEscaped()
         << QStringList() << hints << int(-1);
    // No answer is waited for: a missing service is the desktop's business, not the console's.
    bus.asyncCall(call);
}

} // namespace kumo
