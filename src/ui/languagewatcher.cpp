// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "ui/languagewatcher.h"

#include <QCoreApplication>
#include <QEvent>

namespace kumo {

LanguageWatcher::LanguageWatcher(QObject* parent)
    : QObject(parent)
{
    if (auto* app = QCoreApplication::instance())
        app->installEventFilter(this);
}

LanguageWatcher::~LanguageWatcher()
{
    if (auto* app = QCoreApplication::instance())
        app->removeEventFilter(this);
}

bool LanguageWatcher::eventFilter(QObject* watched, QEvent* event)
{
    if (event->type() == QEvent::LanguageChange && watched == QCoreApplication::instance() && !m_pending) {
        m_pending = true;
        QMetaObject::invokeMethod(
            this,
            [this] {
                m_pending = false;
                Q_EMIT languageChanged();
            },
            Qt::QueuedConnection);
    }
    return QObject::eventFilter(watched, event);
}

} // namespace kumo
