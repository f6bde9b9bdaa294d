// SPDX-FileCopyrightText: 2026 Kumo contributors
// SPDX-License-Identifier: GPL-3.0-or-later
//
// FailurePolicy and FailureDecision: what an outage run does when a move fails, chosen before the
// run (the preferences or `--on-failure`) or answered by the person while the run waits; and the
// attempt limit a retried move has in all.
// Thread: any (values).
// Owner: whoever holds the value.
#pragma once

namespace kumo {

// Attempts a move has in all under FailurePolicy::Retry before the run stops and asks.
inline constexpr int MaxMoveAttempts = 3;

enum class FailurePolicy
{
    StopAndAsk, // stop starting moves, wait for the person's FailureDecision
    Retry,      // try the move again (up to MaxMoveAttempts in all), then stop and ask
    Skip,       // leave the instance where it is and go on
};

enum class FailureDecision
{
    Retry,
    Skip,
    Stop, // leave the run stopped (resumable)
};

} // namespace kumo
