// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
#include "support/scriptedprompter.h"

#include <algorithm>
#include <utility>

#include <QTimer>

namespace kumo {

void ScriptedPrompter::ask(const CredentialPrompt& prompt, Reply reply)
{
    prompts.append(prompt);
    ++open;
    maxOpen = std::max(maxOpen, open);
    std::optional<CredentialAnswer> answer = script ? script(prompt) : std::nullopt;
    if (!answer) {
        held = std::move(reply);
        return;
    }
    QTimer::singleShot(10, [this, reply = std::move(reply), answer = *answer]() mutable {
        --open;
        reply(answer);
    });
}

void ScriptedPrompter::abort()
{
    held = nullptr;
    --open;
    ++aborted;
}

void ScriptedPrompter::release(CredentialAnswer answer)
{
    Reply reply = std::exchange(held, nullptr);
    --open;
    reply(answer);
}

CredentialAnswer typedAnswer(const CredentialPrompt& prompt, const QString& user, const QString& password,
                             bool remember)
{
    CredentialAnswer answer;
    answer.accepted = true;
    answer.remember = remember;
    for (const CredentialRequest::Item& item : prompt.items) {
        const bool name =
            item.type == CredentialRequest::Type::AuthName || item.type == CredentialRequest::Type::Username;
        answer.results.append(name ? user : password);
    }
    return answer;
}

} // namespace kumo
