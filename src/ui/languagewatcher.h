// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// LanguageWatcher: tells objects that are not widgets (models, scenes) that the UI language
// changed. A switch installs several translators and so sends several LanguageChange events;
// the watcher reports once per switch, from the event loop, when every catalogue is in place.
// Thread: GUI.
// Owner: the object that watches (pass it as parent).
#pragma once

#include <QObject>

namespace kumo {

class LanguageWatcher : public QObject
{
    Q_OBJECT

public:
    explicit LanguageWatcher(QObject* parent);
    ~LanguageWatcher() override;

Q_SIGNALS:
    void languageChanged();

protected:
    bool eventFilter(QObject* watched, QEvent* event) override;

private:
    bool m_pending = false;
};

} // namespace kumo
