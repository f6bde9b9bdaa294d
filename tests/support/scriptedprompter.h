// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// ScriptedPrompter: stands in for the credential dialog in tests. It answers like a person at the
// dialog, a moment later (a queued reply, as the dialog gives one), or holds the prompt open until
// the test releases it; it counts the prompts, how many are open at once and how many were aborted.
// Thread: the thread whose event loop runs the broker (the GUI thread in the product).
#pragma once

#include <functional>
#include <optional>

#include <QList>
#include <QString>

#include "app/access/credentialprompter.h"

namespace kumo {

class ScriptedPrompter : public CredentialPrompter
{
public:
    // Returns the answer to a prompt, or nullopt to leave it open until release().
    std::function<std::optional<CredentialAnswer>(const CredentialPrompt&)> script;

    void ask(const CredentialPrompt& prompt, Reply reply) override;
    void abort() override;
    // Answers the prompt the script left open.
    void release(CredentialAnswer answer);

    QList<CredentialPrompt> prompts;
    Reply held;
    int open = 0;
    int maxOpen = 0;
    int aborted = 0;
};

// What a person types: the name where a name is asked, the password where a secret is.
[[nodiscard]] CredentialAnswer typedAnswer(const CredentialPrompt& prompt, const QString& user,
                                           const QString& password, bool remember);

} // namespace kumo
