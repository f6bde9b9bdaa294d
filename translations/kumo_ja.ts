<?xml version='1.0' encoding='utf-8'?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
<context>
    <name>MigrateToDialog</name>
    <message>
        <source>Migrate to</source>
        <translation>移動先</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>ノード</translation>
    </message>
    <message>
        <source>Check</source>
        <translation>事前チェック</translation>
    </message>
</context>
<context>
    <name>MigrationDialog</name>
    <message>
        <source>Migrate</source>
        <translation>ライブマイグレーション</translation>
    </message>
    <message>
        <source>Instance:</source>
        <translation>インスタンス:</translation>
    </message>
    <message>
        <source>Move:</source>
        <translation>移動:</translation>
    </message>
    <message>
        <source>Checks</source>
        <translation>事前チェック</translation>
    </message>
    <message>
        <source>Options</source>
        <translation>オプション</translation>
    </message>
    <message>
        <source>Method:</source>
        <translation>方式:</translation>
    </message>
    <message>
        <source>&amp;Live: the instance keeps running while it moves</source>
        <translation>ライブ(&amp;L): 移動中もインスタンスは動き続けます</translation>
    </message>
    <message>
        <source>&amp;Offline: the instance is paused while it moves</source>
        <translation>オフライン(&amp;O): 移動中はインスタンスを一時停止します</translation>
    </message>
    <message>
        <source>&amp;Keep the definition on the destination and remove it from the source</source>
        <translation>移動先に定義を残し、移動元から削除する(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Bandwidth limit:</source>
        <translation>帯域制限(&amp;B):</translation>
    </message>
    <message>
        <source>Maximum &amp;downtime:</source>
        <translation>最大停止時間(&amp;D):</translation>
    </message>
    <message>
        <source>&amp;Auto-converge: slow the guest down if its memory changes faster than it moves</source>
        <translation>自動収束(&amp;A): メモリの変化が転送より速いときはゲストを減速します</translation>
    </message>
    <message>
        <source>&amp;Compress memory pages</source>
        <translation>メモリページを圧縮する(&amp;C)</translation>
    </message>
    <message>
        <source>Allow switching to &amp;post-copy while it runs</source>
        <translation>実行中のポストコピーへの切り替えを許可する(&amp;P)</translation>
    </message>
    <message>
        <source>Transport:</source>
        <translation>転送:</translation>
    </message>
    <message>
        <source>P&amp;eer-to-peer: the source node connects to the destination</source>
        <translation>ピアツーピア(&amp;E): 移動元ノードが移動先に直接接続します</translation>
    </message>
    <message>
        <source>&amp;Managed by this console</source>
        <translation>このコンソールが管理する(&amp;M)</translation>
    </message>
    <message>
        <source>Copy local &amp;disks to the destination</source>
        <translation>ローカルディスクを移動先にコピーする(&amp;D)</translation>
    </message>
    <message>
        <source>Migration address:</source>
        <translation>マイグレーション用アドレス:</translation>
    </message>
    <message>
        <source>Don't ask again for moves within one campus</source>
        <translation>同じキャンパス内の移動では確認しない</translation>
    </message>
</context>
<context>
    <name>PreferencesDialog</name>
    <message>
        <source>Preferences</source>
        <translation>設定</translation>
    </message>
    <message>
        <source>Migration</source>
        <translation>ライブマイグレーション</translation>
    </message>
    <message>
        <source>At most &amp;running at once:</source>
        <translation>同時に実行する最大数(&amp;R):</translation>
    </message>
    <message>
        <source>At most leaving one &amp;node:</source>
        <translation>1 つのノードから同時に移動する最大数(&amp;N):</translation>
    </message>
    <message>
        <source>Memory kept &amp;free on every node:</source>
        <translation>各ノードで空けておくメモリ(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Skip the confirmation for moves within one campus</source>
        <translation>同じキャンパス内の移動では確認を省略する(&amp;S)</translation>
    </message>
</context>
<context>
    <name>kumo::CampusMapView</name>
    <message>
        <source>Campus map</source>
        <translation>キャンパスマップ</translation>
    </message>
    <message>
        <source>Sites with their nodes and instances. Plus and minus zoom, 0 shows 100%, Home fits the map to the window, the arrow keys scroll, Enter opens the selection.</source>
        <translation>キャンパスとそのノード、インスタンスの地図です。＋と－で拡大・縮小、0 で 100%、Home でウィンドウに合わせ、矢印キーでスクロール、Enter で選択を開きます。</translation>
    </message>
    <message>
        <source>Every check passed.</source>
        <translation>すべての事前チェックに合格しました。</translation>
    </message>
    <message>
        <source>Cannot move here: %1</source>
        <translation>ここには移動できません: %1</translation>
    </message>
</context>
<context>
    <name>kumo::ClusterController</name>
    <message>
        <source>The node %1 left the inventory before the action finished.</source>
        <translation>操作が終わる前にノード %1 が構成ファイルから削除されました。</translation>
    </message>
    <message>
        <source>The instance is no longer known to the console.</source>
        <translation>このインスタンスはもうコンソールに表示されていません。</translation>
    </message>
    <message>
        <source>The node %1 is not connected; try again when it is.</source>
        <translation>ノード %1 に接続していません。接続してからやり直してください。</translation>
    </message>
    <message>
        <source>%1 is %2: this action does not apply.</source>
        <translation>%1 は「%2」の状態なので、この操作はできません。</translation>
    </message>
    <message>
        <source>The node of this instance is not connected.</source>
        <translation>このインスタンスのノードに接続していません。</translation>
    </message>
    <message>
        <source>The node %1 is not connected.</source>
        <translation>ノード %1 に接続していません。</translation>
    </message>
</context>
<context>
    <name>kumo::DetailsPanel</name>
    <message>
        <source>The node “%1” is no longer in the inventory.</source>
        <translation>ノード「%1」は構成ファイルにもうありません。</translation>
    </message>
    <message>
        <source>The instance “%1” no longer exists.</source>
        <translation>インスタンス「%1」はもう存在しません。</translation>
    </message>
    <message>
        <source>Select a node or an instance to see its details.</source>
        <translation>ノードまたはインスタンスを選択すると詳細を表示します。</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>ノード</translation>
    </message>
    <message>
        <source>%1
%2</source>
        <comment>error message, then libvirt's own text</comment>
        <translation>%1
%2</translation>
    </message>
    <message>
        <source>Unknown</source>
        <translation>不明</translation>
    </message>
    <message>
        <source>%1 at %2 MHz</source>
        <translation>%1（%2 MHz）</translation>
    </message>
    <message>
        <source>%1 used of %2</source>
        <translation>%2 中 %1 使用</translation>
    </message>
    <message>
        <source>%1 %</source>
        <comment>percent</comment>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 running of %2</source>
        <translation>%2 個中 %1 個実行中</translation>
    </message>
    <message>
        <source>Yes, takes no new instances</source>
        <translation>はい（新しいインスタンスを受け入れません）</translation>
    </message>
    <message>
        <source>No</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>Not set (libvirt's default)</source>
        <translation>未設定（libvirt の既定）</translation>
    </message>
    <message>
        <source>Instance on %1</source>
        <translation>%1 上のインスタンス</translation>
    </message>
    <message>
        <source>%1 of at most %2</source>
        <translation>%1（最大 %2）</translation>
    </message>
    <message>
        <source>Not running</source>
        <translation>実行していません</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>No, disappears when it stops</source>
        <translation>いいえ（停止すると消えます）</translation>
    </message>
    <message>
        <source>Not set</source>
        <translation>未設定</translation>
    </message>
    <message>
        <source>Name:</source>
        <translation>名前:</translation>
    </message>
    <message>
        <source>Site:</source>
        <translation>キャンパス:</translation>
    </message>
    <message>
        <source>State:</source>
        <translation>状態:</translation>
    </message>
    <message>
        <source>Problem:</source>
        <translation>問題:</translation>
    </message>
    <message>
        <source>URI:</source>
        <translation>URI:</translation>
    </message>
    <message>
        <source>Host name:</source>
        <translation>ホスト名:</translation>
    </message>
    <message>
        <source>Hypervisor:</source>
        <translation>ハイパーバイザー:</translation>
    </message>
    <message>
        <source>libvirt version:</source>
        <translation>libvirt のバージョン:</translation>
    </message>
    <message>
        <source>CPU model:</source>
        <translation>CPU モデル:</translation>
    </message>
    <message>
        <source>CPUs:</source>
        <translation>CPU 数:</translation>
    </message>
    <message>
        <source>Memory:</source>
        <translation>メモリ:</translation>
    </message>
    <message>
        <source>CPU usage:</source>
        <translation>CPU 使用率:</translation>
    </message>
    <message>
        <source>Instances:</source>
        <translation>インスタンス:</translation>
    </message>
    <message>
        <source>Maintenance:</source>
        <translation>メンテナンスモード:</translation>
    </message>
    <message>
        <source>Migration URI:</source>
        <translation>マイグレーション URI:</translation>
    </message>
    <message>
        <source>UUID:</source>
        <translation>UUID:</translation>
    </message>
    <message>
        <source>Node:</source>
        <translation>ノード:</translation>
    </message>
    <message>
        <source>vCPUs:</source>
        <translation>vCPU 数:</translation>
    </message>
    <message>
        <source>Persistent:</source>
        <translation>永続定義:</translation>
    </message>
    <message>
        <source>Starts with the node:</source>
        <translation>ノードと同時に起動:</translation>
    </message>
    <message>
        <source>Home node:</source>
        <translation>元のノード:</translation>
    </message>
    <message>
        <source>Evacuation priority:</source>
        <translation>退避の優先度:</translation>
    </message>
    <message>
        <source>Anti-affinity group:</source>
        <translation>アンチアフィニティグループ:</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
</context>
<context>
    <name>kumo::DirectConnection</name>
    <message>
        <source>A memory read must cover 1 to 65536 bytes.</source>
        <translation>メモリの読み取りは 1〜65536 バイトの範囲で指定してください。</translation>
    </message>
</context>
<context>
    <name>kumo::DropVerdict</name>
    <message>
        <source>%1: %2</source>
        <comment>verdict: reason</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>instance: reason</comment>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>kumo::Format</name>
    <message>
        <source>%1 %</source>
        <comment>percentage</comment>
        <translation>%1 %</translation>
    </message>
    <message>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1 / %2 GiB</source>
        <comment>memory used / total</comment>
        <translation>%1 / %2 GiB</translation>
    </message>
    <message>
        <source>%1 / %2 MiB</source>
        <comment>memory used / total</comment>
        <translation>%1 / %2 MiB</translation>
    </message>
    <message>
        <source>&lt; 1 min</source>
        <comment>uptime</comment>
        <translation>1 分未満</translation>
    </message>
    <message numerus="yes">
        <source>%n min</source>
        <comment>uptime</comment>
        <translation><numerusform>%n 分</numerusform></translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <comment>uptime</comment>
        <translation>%1 時間 %2 分</translation>
    </message>
    <message>
        <source>%1 d %2 h</source>
        <comment>uptime</comment>
        <translation>%1 日 %2 時間</translation>
    </message>
    <message>
        <source>≥ %1</source>
        <comment>uptime: at least</comment>
        <translation>%1 以上</translation>
    </message>
</context>
<context>
    <name>kumo::HistoryChart</name>
    <message>
        <source>Latest: %1 %</source>
        <translation>最新: %1 %</translation>
    </message>
    <message>
        <source>Latest: %1 %2</source>
        <translation>最新: %1 %2</translation>
    </message>
    <message>
        <source>GiB</source>
        <comment>binary gigabytes</comment>
        <translation>GiB</translation>
    </message>
    <message>
        <source>MiB</source>
        <comment>binary megabytes</comment>
        <translation>MiB</translation>
    </message>
    <message>
        <source>CPU usage, last %1 min</source>
        <translation>CPU 使用率（直近 %1 分）</translation>
    </message>
    <message>
        <source>Percent</source>
        <comment>axis title</comment>
        <translation>%</translation>
    </message>
    <message>
        <source>CPU usage history</source>
        <translation>CPU 使用率の履歴</translation>
    </message>
    <message>
        <source>Memory used, last %1 min</source>
        <translation>メモリ使用量（直近 %1 分）</translation>
    </message>
    <message>
        <source>Memory usage history</source>
        <translation>メモリ使用量の履歴</translation>
    </message>
    <message>
        <source>No figures yet</source>
        <translation>まだデータがありません</translation>
    </message>
</context>
<context>
    <name>kumo::HostFacts</name>
    <message>
        <source>The domain description is not a &lt;domain&gt;.</source>
        <translation>ドメインの定義が &lt;domain&gt; ではありません。</translation>
    </message>
    <message>
        <source>The domain description from libvirt could not be read.</source>
        <translation>libvirt から受け取ったドメインの定義を読み取れませんでした。</translation>
    </message>
</context>
<context>
    <name>kumo::InstanceAction</name>
    <message>
        <source>&amp;Start</source>
        <translation>起動(&amp;S)</translation>
    </message>
    <message>
        <source>Shut &amp;Down</source>
        <translation>シャットダウン(&amp;D)</translation>
    </message>
    <message>
        <source>&amp;Reboot</source>
        <translation>再起動(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Force Off…</source>
        <translation>強制停止(&amp;F)…</translation>
    </message>
    <message>
        <source>S&amp;uspend</source>
        <translation>一時停止(&amp;U)</translation>
    </message>
    <message>
        <source>Res&amp;ume</source>
        <translation>再開(&amp;M)</translation>
    </message>
    <message>
        <source>%1 was started.</source>
        <translation>%1 を起動しました。</translation>
    </message>
    <message>
        <source>%1 was asked to shut down.</source>
        <translation>%1 にシャットダウンを要求しました。</translation>
    </message>
    <message>
        <source>%1 was asked to reboot.</source>
        <translation>%1 に再起動を要求しました。</translation>
    </message>
    <message>
        <source>%1 was forced off.</source>
        <translation>%1 を強制停止しました。</translation>
    </message>
    <message>
        <source>%1 was suspended.</source>
        <translation>%1 を一時停止しました。</translation>
    </message>
    <message>
        <source>%1 was resumed.</source>
        <translation>%1 を再開しました。</translation>
    </message>
</context>
<context>
    <name>kumo::InstanceChipItem</name>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>Node: %1</source>
        <translation>ノード: %1</translation>
    </message>
    <message>
        <source>vCPUs: %1, memory: %2 MiB</source>
        <translation>vCPU: %1、メモリ: %2 MiB</translation>
    </message>
    <message>
        <source>CPU: %1%</source>
        <translation>CPU: %1%</translation>
    </message>
</context>
<context>
    <name>kumo::InstanceTableModel</name>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>ノード</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>キャンパス</translation>
    </message>
    <message>
        <source>vCPUs</source>
        <translation>vCPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>メモリ</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Uptime</source>
        <translation>稼働時間</translation>
    </message>
    <message>
        <source>UUID: %1</source>
        <translation>UUID: %1</translation>
    </message>
    <message>
        <source>%1 of at most %2</source>
        <translation>%1（最大 %2）</translation>
    </message>
    <message>
        <source>Not running</source>
        <translation>実行していません</translation>
    </message>
    <message>
        <source>Up since the console saw it start</source>
        <translation>コンソールが起動を確認してからの時間</translation>
    </message>
    <message>
        <source>It was already running when the console first saw it: up at least this long. libvirt does not report when an instance started.</source>
        <translation>コンソールが最初に確認したときにはすでに実行中でした。少なくともこの時間は稼働しています。libvirt はインスタンスの起動時刻を報告しません。</translation>
    </message>
</context>
<context>
    <name>kumo::Inventory</name>
    <message>
        <source>nothing</source>
        <translation>値なし</translation>
    </message>
    <message>
        <source>a table</source>
        <translation>テーブル</translation>
    </message>
    <message>
        <source>an array</source>
        <translation>配列</translation>
    </message>
    <message>
        <source>a string</source>
        <translation>文字列</translation>
    </message>
    <message>
        <source>an integer</source>
        <translation>整数</translation>
    </message>
    <message>
        <source>a floating-point number</source>
        <translation>浮動小数点数</translation>
    </message>
    <message>
        <source>a boolean</source>
        <translation>真偽値</translation>
    </message>
    <message>
        <source>a date</source>
        <translation>日付</translation>
    </message>
    <message>
        <source>a time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <source>a date-time</source>
        <translation>日時</translation>
    </message>
    <message>
        <source>The file is not valid UTF-8: byte 0x%1 cannot appear here; save the inventory as UTF-8 text.</source>
        <translation>ファイルが正しい UTF-8 ではありません。ここにバイト 0x%1 は置けません。構成ファイルを UTF-8 のテキストとして保存してください。</translation>
    </message>
    <message>
        <source>The key "%1" in %2 must be %3, not %4.</source>
        <translation>%2 のキー「%1」は%4ではなく%3でなければなりません。</translation>
    </message>
    <message>
        <source>Unknown key "%1" in %2; expected one of: %3.</source>
        <translation>%2 に不明なキー「%1」があります。使えるキー: %3</translation>
    </message>
    <message>
        <source>Missing required key "%1" in %2.</source>
        <translation>%2 に必須のキー「%1」がありません。</translation>
    </message>
    <message>
        <source>The key "%1" in %2 must not be empty.</source>
        <translation>%2 のキー「%1」は空にできません。</translation>
    </message>
    <message>
        <source>The key "%1" in %2 must be between %3 and %4, not %5.</source>
        <translation>%2 のキー「%1」は %3〜%4 の範囲で指定してください（現在の値: %5）。</translation>
    </message>
    <message>
        <source>a boolean (true or false)</source>
        <translation>真偽値（true または false）</translation>
    </message>
    <message>
        <source>an array of tables ([[%1]])</source>
        <translation>テーブルの配列（[[%1]]）</translation>
    </message>
    <message>
        <source>The top-level key "%1" must be %2, not %3.</source>
        <translation>最上位のキー「%1」は%3ではなく%2でなければなりません。</translation>
    </message>
    <message>
        <source>Each entry of "%1" must be a table, not %2.</source>
        <translation>「%1」の各要素は%2ではなくテーブルでなければなりません。</translation>
    </message>
    <message>
        <source>The URI "%1" contains whitespace; a libvirt URI looks like %2, e.g. "%3".</source>
        <translation>URI「%1」に空白が含まれています。libvirt の URI は %2 の形式です（例:「%3」）。</translation>
    </message>
    <message>
        <source>The URI "%1" is not a valid libvirt URI; a libvirt URI looks like %2, e.g. "%3".</source>
        <translation>URI「%1」は正しい libvirt の URI ではありません。libvirt の URI は %2 の形式です（例:「%3」）。</translation>
    </message>
    <message>
        <source>The URI "%1" has no scheme; a libvirt URI looks like %2, e.g. "%3".</source>
        <translation>URI「%1」にスキームがありません。libvirt の URI は %2 の形式です（例:「%3」）。</translation>
    </message>
    <message>
        <source>The URI "%1" has an invalid scheme "%2"; expected a driver such as qemu or test, optionally followed by +transport.</source>
        <translation>URI「%1」のスキーム「%2」が正しくありません。qemu や test などのドライバー名を指定し、必要なら +トランスポートを続けてください。</translation>
    </message>
    <message>
        <source>The URI "%1" uses the unknown transport "%2"; expected one of: %3.</source>
        <translation>URI「%1」のトランスポート「%2」は不明です。使えるもの: %3</translation>
    </message>
    <message>
        <source>The site id "%1" is not valid; use lowercase letters, digits, "_" and "-", e.g. "myodaiji".</source>
        <translation>キャンパス ID「%1」が正しくありません。英小文字・数字・「_」・「-」を使ってください（例:「myodaiji」）。</translation>
    </message>
    <message>
        <source>The site id "%1" is already used on line %2; each site needs its own id.</source>
        <translation>キャンパス ID「%1」は %2 行目ですでに使われています。キャンパスごとに別の ID が必要です。</translation>
    </message>
    <message>
        <source>The color "%1" is not valid; expected #rrggbb, e.g. "#2f6fb3".</source>
        <translation>色「%1」が正しくありません。#rrggbb の形式で指定してください（例:「#2f6fb3」）。</translation>
    </message>
    <message>
        <source>The key "position" in %1 must be two numbers, e.g. [0.0, 0.0].</source>
        <translation>%1 のキー「position」は 2 つの数値で指定してください（例: [0.0, 0.0]）。</translation>
    </message>
    <message>
        <source>The node name "%1" is already used on line %2; node names must be unique.</source>
        <translation>ノード名「%1」は %2 行目ですでに使われています。ノード名は重複できません。</translation>
    </message>
    <message>
        <source>The node "%1" is on the unknown site "%2"; known sites: %3.</source>
        <translation>ノード「%1」のキャンパス「%2」は不明です。定義済みのキャンパス: %3</translation>
    </message>
    <message>
        <source>The migration URI "%1" is not valid; expected scheme://host[:port], e.g. "tcp://10.0.0.2:49152".</source>
        <translation>マイグレーション URI「%1」が正しくありません。scheme://host[:port] の形式で指定してください（例:「tcp://10.0.0.2:49152」）。</translation>
    </message>
    <message>
        <source>Unknown probe kind "%1"; expected one of: %2.</source>
        <translation>サービス監視の種類「%1」は不明です。使えるもの: %2</translation>
    </message>
    <message>
        <source>The key "path" is only used by http probes; remove it or set kind = "http".</source>
        <translation>キー「path」は http の監視でのみ使います。削除するか、kind = "http" にしてください。</translation>
    </message>
    <message>
        <source>The HTTP path "%1" must start with "/", e.g. "/health".</source>
        <translation>HTTP のパス「%1」は「/」で始めてください（例:「/health」）。</translation>
    </message>
    <message>
        <source>The instance name "%1" is already used on line %2; each instance may appear only once.</source>
        <translation>インスタンス名「%1」は %2 行目ですでに使われています。各インスタンスは 1 回だけ記述できます。</translation>
    </message>
    <message>
        <source>The instance "%1" has the unknown home node "%2"; known nodes: %3.</source>
        <translation>インスタンス「%1」の元のノード「%2」は不明です。定義済みのノード: %3</translation>
    </message>
    <message>
        <source>The inventory is empty: it needs at least one [[site]] and one [[node]].</source>
        <translation>構成ファイルが空です。少なくとも 1 つの [[site]] と 1 つの [[node]] が必要です。</translation>
    </message>
    <message>
        <source>Unknown top-level key "%1"; expected one of: %2.</source>
        <translation>最上位に不明なキー「%1」があります。使えるキー: %2</translation>
    </message>
    <message>
        <source>a table ([console])</source>
        <translation>テーブル（[console]）</translation>
    </message>
    <message>
        <source>The inventory has no [[site]]; it needs at least one.</source>
        <translation>構成ファイルに [[site]] がありません。少なくとも 1 つ必要です。</translation>
    </message>
    <message>
        <source>The inventory has no [[node]]; it needs at least one.</source>
        <translation>構成ファイルに [[node]] がありません。少なくとも 1 つ必要です。</translation>
    </message>
    <message>
        <source>The file is not valid TOML; see the detail for what the parser expected here.</source>
        <translation>ファイルが正しい TOML ではありません。ここで何が期待されていたかは詳細を参照してください。</translation>
    </message>
    <message>
        <source>The inventory file does not exist; create it or choose another file.</source>
        <translation>構成ファイルがありません。作成するか、別のファイルを指定してください。</translation>
    </message>
    <message>
        <source>The inventory file cannot be read; check its permissions.</source>
        <translation>構成ファイルを読み込めません。アクセス権を確認してください。</translation>
    </message>
    <message>
        <source>The inventory file cannot be written; check that its folder is writable.</source>
        <translation>構成ファイルに書き込めません。フォルダーに書き込めるか確認してください。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>フォルダー %1 を作成できません。</translation>
    </message>
</context>
<context>
    <name>kumo::JobsModel</name>
    <message>
        <source>—</source>
        <comment>unknown duration</comment>
        <translation>—</translation>
    </message>
    <message>
        <source>%1 s</source>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <translation>%1 時間 %2 分</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <translation>%1 ms</translation>
    </message>
    <message>
        <source>not reported</source>
        <comment>downtime</comment>
        <translation>報告なし</translation>
    </message>
    <message>
        <source>Took %1, moved %2, downtime %3</source>
        <translation>所要時間 %1、転送量 %2、停止時間 %3</translation>
    </message>
    <message>
        <source>Cancelled: still running on %1</source>
        <translation>キャンセルしました: %1 で実行を続けています</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>message (libvirt detail)</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>libvirt gave no reason</source>
        <translation>libvirt から理由は報告されませんでした</translation>
    </message>
    <message>
        <source>Failed: %1. Still on %2.</source>
        <translation>失敗しました: %1。%2 に残っています。</translation>
    </message>
    <message>
        <source>Waiting for a free migration slot</source>
        <translation>空きを待っています</translation>
    </message>
    <message>
        <source>Connecting the two nodes</source>
        <translation>2 つのノードを接続しています</translation>
    </message>
    <message>
        <source>Running on %1; fetching the rest of its memory</source>
        <translation>%1 で実行中。残りのメモリを取得しています</translation>
    </message>
    <message>
        <source>Remaining grew: the guest is writing memory faster than it moves</source>
        <translation>残りデータ量が増えました: ゲストのメモリ書き込みが転送より速くなっています</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <comment>source → destination</comment>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>%1 moved</source>
        <translation>%1 転送済み</translation>
    </message>
    <message>
        <source>%1 / %2 / %3</source>
        <comment>processed / remaining / total</comment>
        <translation>%1 / %2 / %3</translation>
    </message>
    <message>
        <source>%1/s</source>
        <translation>%1/秒</translation>
    </message>
    <message>
        <source>%1 pages/s</source>
        <translation>%1 ページ/秒</translation>
    </message>
    <message>
        <source>The data still to copy grew since the last report: the guest changes its memory faster than the network moves it. Raise the bandwidth, allow auto-converge or switch to post-copy.</source>
        <translation>前回の報告から残りデータ量が増えました。ゲストがメモリを書き換える速さがネットワークの転送速度を上回っています。帯域制限を緩めるか、自動収束を許可するか、ポストコピーに切り替えてください。</translation>
    </message>
    <message>
        <source>Processed / remaining / total memory of this pass</source>
        <translation>このパスの転送済み / 残り / 合計メモリ</translation>
    </message>
    <message>
        <source>Memory pages the guest changes per second; they must be copied again</source>
        <translation>ゲストが 1 秒間に書き換えるメモリページ数（再転送が必要です）</translation>
    </message>
    <message>
        <source>Memory pass: each pass copies what the guest changed during the previous one</source>
        <translation>メモリパス: 各パスは前のパスの間にゲストが変更した分をコピーします</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>インスタンス</translation>
    </message>
    <message>
        <source>From → to</source>
        <translation>移動元 → 移動先</translation>
    </message>
    <message>
        <source>Phase</source>
        <translation>段階</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>進捗</translation>
    </message>
    <message>
        <source>Processed / remaining / total</source>
        <translation>転送済み / 残り / 合計</translation>
    </message>
    <message>
        <source>Data</source>
        <translation>データ量</translation>
    </message>
    <message>
        <source>Rate</source>
        <translation>転送速度</translation>
    </message>
    <message>
        <source>Dirty rate</source>
        <translation>ダーティレート</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>パス</translation>
    </message>
    <message>
        <source>Elapsed</source>
        <translation>経過時間</translation>
    </message>
    <message>
        <source>Estimated time remaining</source>
        <translation>残り時間の見込み</translation>
    </message>
    <message>
        <source>ETA</source>
        <translation>残り時間</translation>
    </message>
    <message>
        <source>Notes</source>
        <translation>メモ</translation>
    </message>
</context>
<context>
    <name>kumo::JobsPanel</name>
    <message>
        <source>Bandwidth of %1</source>
        <translation>%1 の帯域制限</translation>
    </message>
    <message>
        <source>Bandwidth limit in MiB/s (0: unlimited):</source>
        <translation>帯域制限（MiB/秒、0 は無制限）:</translation>
    </message>
    <message>
        <source>Maximum downtime of %1</source>
        <translation>%1 の最大停止時間</translation>
    </message>
    <message>
        <source>Longest pause allowed at switch-over, in milliseconds:</source>
        <translation>切り替え時に許す最長の停止時間（ミリ秒）:</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>message (libvirt detail)</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>Could not change the migration of %1: %2</source>
        <translation>%1 のマイグレーションを変更できませんでした: %2</translation>
    </message>
    <message>
        <source>&amp;Cancel migration</source>
        <translation>マイグレーションをキャンセル(&amp;C)</translation>
    </message>
    <message>
        <source>Stop the selected migration; the instance keeps running where it was</source>
        <translation>選択したマイグレーションを止めます。インスタンスは元の場所で動き続けます</translation>
    </message>
    <message>
        <source>Set &amp;bandwidth…</source>
        <translation>帯域制限を設定(&amp;B)…</translation>
    </message>
    <message>
        <source>Change the bandwidth limit of the running migration</source>
        <translation>実行中のマイグレーションの帯域制限を変更します</translation>
    </message>
    <message>
        <source>Set maximum &amp;downtime…</source>
        <translation>最大停止時間を設定(&amp;D)…</translation>
    </message>
    <message>
        <source>Change the longest pause allowed when the instance switches over</source>
        <translation>インスタンスの切り替え時に許す最長の停止時間を変更します</translation>
    </message>
    <message>
        <source>Switch to &amp;post-copy</source>
        <translation>ポストコピーに切り替え(&amp;P)</translation>
    </message>
    <message>
        <source>Run the instance on the destination now and copy the rest of its memory on demand (only for migrations started with post-copy allowed)</source>
        <translation>インスタンスを今すぐ移動先で動かし、残りのメモリは必要に応じて転送します（ポストコピーを許可して開始したマイグレーションのみ）</translation>
    </message>
    <message>
        <source>C&amp;lear finished</source>
        <translation>終了したものを消去(&amp;L)</translation>
    </message>
    <message>
        <source>Remove completed, failed and cancelled migrations from the list</source>
        <translation>完了・失敗・キャンセルしたマイグレーションを一覧から消します</translation>
    </message>
    <message>
        <source>Migration job actions</source>
        <translation>マイグレーションの操作</translation>
    </message>
    <message>
        <source>Migration jobs</source>
        <translation>マイグレーション一覧</translation>
    </message>
    <message>
        <source>One row per migration: instance, route, phase, progress, data, rates and the outcome. Delete cancels the selected migration.</source>
        <translation>1 行が 1 件のマイグレーションです: インスタンス、経路、段階、進捗、データ量、速度、結果。Delete キーで選択したマイグレーションをキャンセルします。</translation>
    </message>
    <message>
        <source>Migrations</source>
        <translation>マイグレーション</translation>
    </message>
</context>
<context>
    <name>kumo::Journal</name>
    <message>
        <source>Could not create the folder of the journal; check its permissions.</source>
        <translation>操作ログのフォルダーを作成できませんでした。アクセス権を確認してください。</translation>
    </message>
    <message>
        <source>Could not open the journal for writing.</source>
        <translation>操作ログを書き込み用に開けませんでした。</translation>
    </message>
    <message>
        <source>Could not write to the journal.</source>
        <translation>操作ログに書き込めませんでした。</translation>
    </message>
    <message>
        <source>Could not write the journal to disk.</source>
        <translation>操作ログをディスクに書き出せませんでした。</translation>
    </message>
</context>
<context>
    <name>kumo::Lab</name>
    <message>
        <source>Could not write the file.</source>
        <translation>ファイルを書き込めませんでした。</translation>
    </message>
    <message>
        <source>No free range of migration ports is left between %1 and %2.</source>
        <translation>%1〜%2 の間に空いているマイグレーション用ポートの範囲が残っていません。</translation>
    </message>
    <message>
        <source>Could not create the directory.</source>
        <translation>ディレクトリを作成できませんでした。</translation>
    </message>
    <message>
        <source>The lab directory exists but does not belong to this user.</source>
        <translation>デモ環境のディレクトリはありますが、このユーザーのものではありません。</translation>
    </message>
    <message>
        <source>The demo lab needs %1. Install the packages libvirt-daemon, libvirt-daemon-driver-qemu and qemu-system-x86.</source>
        <translation>デモ環境には %1 が必要です。パッケージ libvirt-daemon、libvirt-daemon-driver-qemu、qemu-system-x86 をインストールしてください。</translation>
    </message>
    <message>
        <source>Started as root, the demo lab runs its daemons as the user "%1", which does not exist. Create it with: useradd --system --user-group --home-dir /nonexistent --shell /usr/sbin/nologin %1</source>
        <translation>root で起動した場合、デモ環境はデーモンをユーザー「%1」で動かしますが、このユーザーが存在しません。次のコマンドで作成してください: useradd --system --user-group --home-dir /nonexistent --shell /usr/sbin/nologin %1</translation>
    </message>
    <message>
        <source>Starting one libvirt daemon per node…</source>
        <translation>ノードごとに libvirt デーモンを起動しています…</translation>
    </message>
    <message>
        <source>Node %1 is up.</source>
        <translation>ノード %1 が起動しました。</translation>
    </message>
    <message>
        <source>Instance %1 runs on %2.</source>
        <translation>インスタンス %1 が %2 で実行中です。</translation>
    </message>
    <message>
        <source>The lab is ready.</source>
        <translation>デモ環境の準備ができました。</translation>
    </message>
    <message>
        <source>The lab's supervisor process exited unexpectedly.</source>
        <translation>デモ環境の監視プロセスが予期せず終了しました。</translation>
    </message>
    <message>
        <source>The lab's state file is missing or damaged.</source>
        <translation>デモ環境の状態ファイルがないか、壊れています。</translation>
    </message>
    <message>
        <source>There is no lab with this id.</source>
        <translation>この ID のデモ環境はありません。</translation>
    </message>
    <message>
        <source>Could not remove the lab directory.</source>
        <translation>デモ環境のディレクトリを削除できませんでした。</translation>
    </message>
    <message>
        <source>Could not choose a new lab id.</source>
        <translation>新しいデモ環境の ID を決められませんでした。</translation>
    </message>
    <message>
        <source>Starting lab %1 in %2…</source>
        <translation>デモ環境 %1 を %2 で起動しています…</translation>
    </message>
    <message>
        <source>The guest kernel is missing from this build.</source>
        <translation>このビルドにはゲスト用カーネルが含まれていません。</translation>
    </message>
    <message>
        <source>Another lab is being started; try again.</source>
        <translation>別のデモ環境を起動中です。もう一度お試しください。</translation>
    </message>
    <message>
        <source>Could not start the lab supervisor.</source>
        <translation>デモ環境の監視プロセスを起動できませんでした。</translation>
    </message>
    <message>
        <source>The lab did not become ready in time.</source>
        <translation>デモ環境が時間内に準備できませんでした。</translation>
    </message>
</context>
<context>
    <name>kumo::LabCli</name>
    <message>
        <source>Usage: kumo lab COMMAND

Runs a demo lab on this machine: two campuses (Myodaiji and Yamate) with two nodes
each, every node a real libvirtd of its own, and eight small QEMU guests.

Commands:
  up          start a new lab; it keeps running until 'kumo lab down'
  status      show every running lab, its nodes and its instances
  down [ID]   stop the lab ID, or every lab of this user
  --help      show this text
</source>
        <translation>使い方: kumo lab コマンド

このマシン上でデモ環境を動かします: 2 つのキャンパス（明大寺地区と山手地区）に
それぞれ 2 つのノードがあり、各ノードは独立した本物の libvirtd で、小さな QEMU ゲストが 8 つ動きます。

コマンド:
  up          新しいデモ環境を起動します（'kumo lab down' まで動き続けます）
  status      動いているデモ環境とそのノード、インスタンスを表示します
  down [ID]   デモ環境 ID を停止します（省略時はこのユーザーのすべて）
  --help      この説明を表示します
</translation>
    </message>
    <message>
        <source>Lab: %1</source>
        <translation>デモ環境: %1</translation>
    </message>
    <message>
        <source>Inventory: %1</source>
        <translation>構成ファイル: %1</translation>
    </message>
    <message>
        <source>Node: %1 %2</source>
        <translation>ノード: %1 %2</translation>
    </message>
    <message>
        <source>'kumo lab up' takes no arguments.</source>
        <translation>'kumo lab up' に引数は指定できません。</translation>
    </message>
    <message>
        <source>Could not start the lab: %1</source>
        <translation>デモ環境を起動できませんでした: %1</translation>
    </message>
    <message>
        <source>The lab started in %1 s. Stop it with: kumo lab down %2</source>
        <translation>デモ環境は %1 秒で起動しました。停止するには: kumo lab down %2</translation>
    </message>
    <message>
        <source>'kumo lab status' takes no arguments.</source>
        <translation>'kumo lab status' に引数は指定できません。</translation>
    </message>
    <message>
        <source>No lab is running.</source>
        <translation>動いているデモ環境はありません。</translation>
    </message>
    <message>
        <source>  %1: not reachable (%2)</source>
        <translation>  %1: 接続不可（%2）</translation>
    </message>
    <message>
        <source>  %1: %2</source>
        <translation>  %1: %2</translation>
    </message>
    <message>
        <source>  Instance: %1 on %2, %3</source>
        <translation>  インスタンス: %1（%2、%3）</translation>
    </message>
    <message>
        <source>'kumo lab down' takes at most one lab id.</source>
        <translation>'kumo lab down' に指定できるデモ環境 ID は 1 つまでです。</translation>
    </message>
    <message>
        <source>Could not stop the lab: %1</source>
        <translation>デモ環境を停止できませんでした: %1</translation>
    </message>
    <message numerus="yes">
        <source>Stopped %n lab(s) in %1 s.</source>
        <translation><numerusform>%n 個のデモ環境を %1 秒で停止しました。</numerusform></translation>
    </message>
    <message>
        <source>Invalid owner process id: %1</source>
        <translation>所有プロセスの ID が正しくありません: %1</translation>
    </message>
    <message>
        <source>Usage: kumo lab supervise LABDIR [--owner PID]</source>
        <translation>使い方: kumo lab supervise LABDIR [--owner PID]</translation>
    </message>
    <message>
        <source>The lab directory must be an absolute path.</source>
        <translation>デモ環境のディレクトリは絶対パスで指定してください。</translation>
    </message>
    <message>
        <source>Missing command.</source>
        <translation>コマンドが指定されていません。</translation>
    </message>
    <message>
        <source>Unknown command: %1</source>
        <translation>不明なコマンドです: %1</translation>
    </message>
</context>
<context>
    <name>kumo::LabSupervisor</name>
    <message>
        <source>Could not write the file.</source>
        <translation>ファイルを書き込めませんでした。</translation>
    </message>
    <message>
        <source>Could not create the directory.</source>
        <translation>ディレクトリを作成できませんでした。</translation>
    </message>
    <message>
        <source>The demo lab runs its daemons as the user "%1", which does not exist.</source>
        <translation>デモ環境はデーモンをユーザー「%1」で動かしますが、このユーザーが存在しません。</translation>
    </message>
    <message>
        <source>The lab directory has no migration port assignment.</source>
        <translation>デモ環境のディレクトリにマイグレーション用ポートの割り当てがありません。</translation>
    </message>
    <message>
        <source>Could not open the daemon's log file.</source>
        <translation>デーモンのログファイルを開けませんでした。</translation>
    </message>
    <message>
        <source>Could not start libvirtd.</source>
        <translation>libvirtd を起動できませんでした。</translation>
    </message>
    <message>
        <source>The node's libvirtd exited while starting.</source>
        <translation>ノードの libvirtd が起動中に終了しました。</translation>
    </message>
    <message>
        <source>The node's libvirtd did not start in time.</source>
        <translation>ノードの libvirtd が時間内に起動しませんでした。</translation>
    </message>
</context>
<context>
    <name>kumo::Main</name>
    <message>
        <source>Kumo: a console for a libvirt/KVM cloud spread over campuses.</source>
        <translation>Kumo: 複数のキャンパスにまたがる libvirt/KVM クラウドの管理コンソール</translation>
    </message>
    <message>
        <source>Read campuses and nodes from &lt;file&gt; (default: %1).</source>
        <translation>キャンパスとノードを &lt;file&gt; から読み込みます（既定: %1）。</translation>
    </message>
    <message>
        <source>file</source>
        <translation>file</translation>
    </message>
    <message>
        <source>Start a demo lab of real libvirt daemons and small guests on this machine and open the console on it; the lab stops when the console closes.</source>
        <translation>このマシン上に本物の libvirt デーモンと小さなゲストからなるデモ環境を起動し、コンソールを開きます。コンソールを閉じるとデモ環境も停止します。</translation>
    </message>
    <message>
        <source>Use the language &lt;code&gt;: ja or en (default: the system's).</source>
        <translation>表示言語を &lt;code&gt; にします: ja または en（既定: システムの設定）。</translation>
    </message>
    <message>
        <source>code</source>
        <translation>code</translation>
    </message>
    <message>
        <source>Run `kumo lab up|down|status` to manage demo labs without a window.</source>
        <translation>`kumo lab up|down|status` でウィンドウなしにデモ環境を管理します。</translation>
    </message>
    <message>
        <source>Unknown argument: %1. See kumo --help.</source>
        <translation>不明な引数です: %1。kumo --help を参照してください。</translation>
    </message>
    <message>
        <source>Cannot read the inventory</source>
        <translation>構成ファイルを読み込めません</translation>
    </message>
    <message>
        <source>Starting the demo lab: four libvirt daemons on two campuses and their guests…</source>
        <translation>デモ環境を起動しています: 2 つのキャンパスに 4 つの libvirt デーモンとそのゲスト…</translation>
    </message>
    <message>
        <source>The demo lab did not start</source>
        <translation>デモ環境を起動できませんでした</translation>
    </message>
</context>
<context>
    <name>kumo::MainWindow</name>
    <message>
        <source>The inventory file has a problem; the console keeps using the last good version.
%1</source>
        <translation>構成ファイルに問題があります。最後に正しく読み込めた内容を引き続き使用します。
%1</translation>
    </message>
    <message>
        <source>Kumo — campus cloud console</source>
        <translation>Kumo — キャンパスクラウド コンソール</translation>
    </message>
    <message>
        <source>Details</source>
        <translation>詳細</translation>
    </message>
    <message>
        <source>About Kumo</source>
        <translation>Kumo について</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Kumo %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;A console for a libvirt/KVM cloud spread over campuses: watch nodes and instances, and move instances between campuses live.&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Kumo %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;複数のキャンパスにまたがる libvirt/KVM クラウドの管理コンソールです。ノードとインスタンスを監視し、インスタンスを止めずにキャンパス間で移動できます。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>Force off</source>
        <translation>強制停止</translation>
    </message>
    <message numerus="yes">
        <source>Force off %n instance(s)? This is like pulling the power plug: the guest loses everything it has not written to disk.</source>
        <translation><numerusform>%n 個のインスタンスを強制停止しますか？ 電源プラグを抜くのと同じで、ゲストはディスクに書き込んでいない内容をすべて失います。</numerusform></translation>
    </message>
    <message>
        <source>Force Off</source>
        <translation>強制停止</translation>
    </message>
    <message>
        <source>Action failed</source>
        <translation>操作に失敗しました</translation>
    </message>
    <message>
        <source>%1: %2 did not succeed.</source>
        <translation>%1: 「%2」は成功しませんでした。</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>終了(&amp;Q)</translation>
    </message>
    <message>
        <source>Zoom &amp;In</source>
        <translation>拡大(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out</source>
        <translation>縮小(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Fit Map to Window</source>
        <translation>地図をウィンドウに合わせる(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Filter…</source>
        <translation>絞り込み(&amp;F)…</translation>
    </message>
    <message>
        <source>Go to &amp;Map</source>
        <translation>地図へ移動(&amp;M)</translation>
    </message>
    <message>
        <source>Go to &amp;Nodes</source>
        <translation>ノード一覧へ移動(&amp;N)</translation>
    </message>
    <message>
        <source>Go to I&amp;nstances</source>
        <translation>インスタンス一覧へ移動(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;About Kumo</source>
        <translation>Kumo について(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>ファイル(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>表示(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>言語(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Instance</source>
        <translation>インスタンス(&amp;I)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>ヘルプ(&amp;H)</translation>
    </message>
    <message>
        <source>Instance actions</source>
        <translation>インスタンスの操作</translation>
    </message>
    <message>
        <source>Nodes</source>
        <translation>ノード</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>インスタンス</translation>
    </message>
    <message>
        <source>Filter nodes: name, state, site — or site:yamate state:connected</source>
        <translation>ノードを絞り込み: 名前・状態・キャンパス（例: site:yamate state:connected）</translation>
    </message>
    <message>
        <source>Filter instances: name, state, node, site — or node:yamate-01</source>
        <translation>インスタンスを絞り込み: 名前・状態・ノード・キャンパス（例: node:yamate-01）</translation>
    </message>
    <message>
        <source>Filter nodes</source>
        <translation>ノードの絞り込み</translation>
    </message>
    <message>
        <source>Filter instances</source>
        <translation>インスタンスの絞り込み</translation>
    </message>
    <message>
        <source>Tables</source>
        <translation>一覧</translation>
    </message>
    <message>
        <source>Nodes up: %1/%2</source>
        <translation>接続中のノード: %1/%2</translation>
    </message>
    <message>
        <source>Instances running: %1/%2</source>
        <translation>実行中のインスタンス: %1/%2</translation>
    </message>
    <message>
        <source>Jobs running: %1</source>
        <translation>実行中のジョブ: %1</translation>
    </message>
    <message>
        <source>&amp;Migrate to…</source>
        <translation>移動先(&amp;M)…</translation>
    </message>
    <message>
        <source>Move the selected instances live to another node (%1)</source>
        <translation>選択したインスタンスを別のノードへライブマイグレーションします（%1）</translation>
    </message>
    <message>
        <source>Migrations</source>
        <translation>マイグレーション</translation>
    </message>
    <message>
        <source>&amp;Preferences…</source>
        <translation>設定(&amp;P)…</translation>
    </message>
</context>
<context>
    <name>kumo::MigrateToDialog</name>
    <message>
        <source>&amp;Choose</source>
        <translation>選択(&amp;C)</translation>
    </message>
    <message>
        <source>Migrate %1 to</source>
        <translation>%1 の移動先</translation>
    </message>
    <message>
        <source>Choose the node that %1 should move to. Nodes that cannot take it are greyed out with the reason.</source>
        <translation>%1 の移動先ノードを選んでください。受け入れられないノードは理由とともに灰色で表示されます。</translation>
    </message>
    <message>
        <source>Destination nodes</source>
        <translation>移動先ノード</translation>
    </message>
    <message>
        <source>Every check passed.</source>
        <translation>すべての事前チェックに合格しました。</translation>
    </message>
    <message>
        <source>Checking…</source>
        <translation>チェック中…</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>verdict — reason</comment>
        <translation>%1 — %2</translation>
    </message>
</context>
<context>
    <name>kumo::Migration</name>
    <message>
        <source>Queued</source>
        <translation>待機中</translation>
    </message>
    <message>
        <source>Starting</source>
        <translation>開始中</translation>
    </message>
    <message>
        <source>Copying memory</source>
        <translation>メモリを転送中</translation>
    </message>
    <message>
        <source>Post-copy</source>
        <translation>ポストコピー</translation>
    </message>
    <message>
        <source>Completed</source>
        <translation>完了</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <translation>キャンセル済み</translation>
    </message>
</context>
<context>
    <name>kumo::MigrationDialog</name>
    <message>
        <source>%1 (%2)</source>
        <comment>node (site)</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>&amp;Migrate</source>
        <translation>移動(&amp;M)</translation>
    </message>
    <message>
        <source> MiB/s</source>
        <translation> MiB/秒</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>無制限</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ms</translation>
    </message>
    <message>
        <source>libvirt's default</source>
        <translation>libvirt の既定値</translation>
    </message>
    <message>
        <source>Not set: the destination's host name</source>
        <translation>未設定: 移動先のホスト名を使います</translation>
    </message>
    <message>
        <source>Pre-flight checks</source>
        <translation>事前チェック</translation>
    </message>
    <message>
        <source>unknown node</source>
        <translation>不明なノード</translation>
    </message>
    <message>
        <source>Instance:</source>
        <translation>インスタンス:</translation>
    </message>
    <message>
        <source>Instances:</source>
        <translation>インスタンス:</translation>
    </message>
    <message>
        <source>%1 → %2</source>
        <comment>source → destination</comment>
        <translation>%1 → %2</translation>
    </message>
    <message>
        <source>Migrate %1</source>
        <translation>%1 のライブマイグレーション</translation>
    </message>
    <message numerus="yes">
        <source>Migrate %n instance(s)</source>
        <translation><numerusform>%n 個のインスタンスのライブマイグレーション</numerusform></translation>
    </message>
    <message>
        <source>Checking the guest and the destination…</source>
        <translation>ゲストと移動先をチェックしています…</translation>
    </message>
    <message>
        <source>Asking both nodes' libvirt; the remaining checks appear here when they answer.</source>
        <translation>両方のノードの libvirt に問い合わせています。応答があると残りのチェック結果がここに表示されます。</translation>
    </message>
    <message>
        <source>Cannot migrate: %1</source>
        <translation>移動できません: %1</translation>
    </message>
    <message>
        <source>Can migrate, but read the warnings above.</source>
        <translation>移動できますが、上の警告を確認してください。</translation>
    </message>
    <message>
        <source>Can migrate so far, but read the warnings above; still checking…</source>
        <translation>今のところ移動できますが、上の警告を確認してください。チェックを続けています…</translation>
    </message>
    <message>
        <source>Every check passed.</source>
        <translation>すべての事前チェックに合格しました。</translation>
    </message>
    <message>
        <source>Nothing refuses the move so far; still checking…</source>
        <translation>今のところ移動を妨げるものはありません。チェックを続けています…</translation>
    </message>
</context>
<context>
    <name>kumo::MigrationQueue</name>
    <message>
        <source>Cancelled before it started; the instance stays on %1.</source>
        <translation>開始前にキャンセルしました。インスタンスは %1 に残ります。</translation>
    </message>
    <message>
        <source>The migration has not started yet; switch to post-copy once memory is being copied.</source>
        <translation>マイグレーションはまだ始まっていません。メモリの転送が始まってからポストコピーに切り替えてください。</translation>
    </message>
</context>
<context>
    <name>kumo::MigrationRunner</name>
    <message>
        <source>The migration of %1 was cancelled. The instance keeps running on %2.</source>
        <translation>%1 のマイグレーションをキャンセルしました。インスタンスは %2 で動き続けています。</translation>
    </message>
    <message>
        <source>%1 could not be moved from %2 to %3. It stays on %2; the details give libvirt's reason.</source>
        <translation>%1 を %2 から %3 へ移動できませんでした。%2 に残っています。理由は詳細（libvirt の報告）を参照してください。</translation>
    </message>
    <message>
        <source>No migration is running for this instance.</source>
        <translation>このインスタンスのマイグレーションは実行されていません。</translation>
    </message>
    <message>
        <source>Post-copy was not allowed when this migration started, so it cannot switch to post-copy.</source>
        <translation>このマイグレーションはポストコピーを許可せずに開始したため、ポストコピーに切り替えられません。</translation>
    </message>
</context>
<context>
    <name>kumo::MigrationUiController</name>
    <message>
        <source>Cannot move %1 to %2: %3</source>
        <translation>%1 を %2 に移動できません: %3</translation>
    </message>
    <message>
        <source>Moving %1 from %2 to %3.</source>
        <translation>%1 を %2 から %3 へ移動しています。</translation>
    </message>
</context>
<context>
    <name>kumo::NodeCardItem</name>
    <message>
        <source>Maintenance</source>
        <comment>node state</comment>
        <translation>メンテナンスモード</translation>
    </message>
    <message>
        <source>—</source>
        <comment>unknown value</comment>
        <translation>—</translation>
    </message>
    <message>
        <source>%1%</source>
        <translation>%1%</translation>
    </message>
    <message>
        <source>%1 / %2 GiB</source>
        <translation>%1 / %2 GiB</translation>
    </message>
    <message>
        <source>No instances</source>
        <translation>インスタンスなし</translation>
    </message>
    <message numerus="yes">
        <source>%n instance(s), %1 running</source>
        <translation><numerusform>インスタンス %n 個（%1 個実行中）</numerusform></translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>In maintenance: takes no new instances.</source>
        <translation>メンテナンスモード: 新しいインスタンスを受け入れません。</translation>
    </message>
    <message>
        <source>Host: %1</source>
        <translation>ホスト: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n CPU(s), %1</source>
        <translation><numerusform>CPU %n 個、%1</numerusform></translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>メモリ</translation>
    </message>
    <message>
        <source>Connecting to libvirt…</source>
        <translation>libvirt に接続しています…</translation>
    </message>
    <message>
        <source>Can move here</source>
        <translation>移動できます</translation>
    </message>
    <message>
        <source>Can move here, with warnings</source>
        <translation>移動できます（警告あり）</translation>
    </message>
    <message>
        <source>Cannot move here</source>
        <translation>移動できません</translation>
    </message>
    <message>
        <source>%1 (still checking…)</source>
        <translation>%1（チェック中…）</translation>
    </message>
</context>
<context>
    <name>kumo::NodeTableModel</name>
    <message>
        <source>Name</source>
        <translation>名前</translation>
    </message>
    <message>
        <source>Site</source>
        <translation>キャンパス</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>メモリ</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>インスタンス</translation>
    </message>
    <message>
        <source>URI</source>
        <translation>URI</translation>
    </message>
    <message>
        <source>%1 defined, %2 running</source>
        <translation>定義 %1 個、実行中 %2 個</translation>
    </message>
    <message>
        <source>Host name: %1</source>
        <translation>ホスト名: %1</translation>
    </message>
    <message>
        <source>%1: no answer from libvirtd</source>
        <translation>%1: libvirtd から応答がありません</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <translation>%1（%2）</translation>
    </message>
    <message numerus="yes">
        <source>%1. Next attempt in %n s.</source>
        <translation><numerusform>%1。%n 秒後に再接続します。</numerusform></translation>
    </message>
    <message>
        <source>In maintenance: takes no new instances. Connection: %1</source>
        <translation>メンテナンスモード: 新しいインスタンスを受け入れません。接続: %1</translation>
    </message>
</context>
<context>
    <name>kumo::PreferencesDialog</name>
    <message>
        <source> MiB</source>
        <translation> MiB</translation>
    </message>
    <message>
        <source>Nothing</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>Migrations beyond this number wait in the queue.</source>
        <translation>これを超えるマイグレーションは順番を待ちます。</translation>
    </message>
    <message>
        <source>Migrations leaving the same node share its network link; more wait in the queue.</source>
        <translation>同じノードから出るマイグレーションはそのネットワークを共有します。これを超えるものは順番を待ちます。</translation>
    </message>
    <message>
        <source>A move is refused when it would leave less than this free on the destination (on top of the node's own memory_reserve_mib).</source>
        <translation>移動後に移動先の空きメモリがこれより少なくなる場合は移動しません（ノードごとの memory_reserve_mib に加えて）。</translation>
    </message>
</context>
<context>
    <name>kumo::Preflight</name>
    <message>
        <source>%1 GiB</source>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <translation>%1 KiB</translation>
    </message>
    <message>
        <source>%1 is running or paused and can move live.</source>
        <translation>%1 は実行中または一時停止中なので、ライブマイグレーションできます。</translation>
    </message>
    <message>
        <source>%1 is not running: only running or paused instances can move. Start it first.</source>
        <translation>%1 は実行していません。移動できるのは実行中か一時停止中のインスタンスだけです。先に起動してください。</translation>
    </message>
    <message>
        <source>%1 has %2 free for it; %3 needs %4.</source>
        <translation>%1 の空きは %2 です。%3 には %4 必要です。</translation>
    </message>
    <message>
        <source>%1 has %2 free after reserving %3 and %4 already moving there; %5 needs %6.</source>
        <translation>%1 の空きは、予約 %3 と移動中の %4 を除くと %2 です。%5 には %6 必要です。</translation>
    </message>
    <message>
        <source>%1 has %2 free after reserving %3; %4 needs %5.</source>
        <translation>%1 の空きは、予約 %3 を除くと %2 です。%4 には %5 必要です。</translation>
    </message>
    <message>
        <source>%1 has %2 free after %3 already moving there; %4 needs %5.</source>
        <translation>%1 の空きは、移動中の %3 を除くと %2 です。%4 には %5 必要です。</translation>
    </message>
    <message>
        <source>%1 has %2 free; %3 needs %4.</source>
        <translation>%1 の空きは %2 です。%3 には %4 必要です。</translation>
    </message>
    <message>
        <source>Choose another node or free memory there.</source>
        <translation>別のノードを選ぶか、そのノードのメモリを空けてください。</translation>
    </message>
    <message>
        <source>%1 has %2 vCPUs but the hypervisor on %3 allows at most %4. Choose another node.</source>
        <translation>%1 の vCPU は %2 個ですが、%3 のハイパーバイザーは最大 %4 個までです。別のノードを選んでください。</translation>
    </message>
    <message>
        <source>%1 has %2 vCPUs and %3 only %4 CPUs: it overcommits the node and may run slower there.</source>
        <translation>%1 の vCPU は %2 個ですが、%3 の CPU は %4 個しかありません。オーバーコミットになり、遅くなる可能性があります。</translation>
    </message>
    <message>
        <source>%1 has enough CPUs for the %2 vCPUs of %3.</source>
        <translation>%1 には %3 の vCPU %2 個に十分な CPU があります。</translation>
    </message>
    <message>
        <source>The CPU of %1 can run %2.</source>
        <translation>%1 の CPU で %2 を実行できます。</translation>
    </message>
    <message>
        <source>The CPU of %1 cannot run %2 (%3). Choose a node with a compatible CPU.</source>
        <translation>%1 の CPU では %2 を実行できません（%3）。互換性のある CPU のノードを選んでください。</translation>
    </message>
    <message>
        <source>Could not compare CPUs: %1 may not run on %2 if its CPU lacks features the guest uses.</source>
        <translation>CPU を比較できませんでした。%2 の CPU にゲストが使う機能がないと、%1 は動かない可能性があります。</translation>
    </message>
    <message>
        <source>Network %1 exists on %2 but is not active; start it there first.</source>
        <translation>ネットワーク %1 は %2 にありますが有効になっていません。先に起動してください。</translation>
    </message>
    <message>
        <source>Network %1 does not exist on %2; define it there with the same name first.</source>
        <translation>ネットワーク %1 は %2 にありません。先に同じ名前で定義してください。</translation>
    </message>
    <message>
        <source>Bridge %1 does not exist on %2; create it there first.</source>
        <translation>ブリッジ %1 は %2 にありません。先に作成してください。</translation>
    </message>
    <message>
        <source>Cannot verify bridge %1 on %2; make sure it exists.</source>
        <translation>%2 のブリッジ %1 を確認できません。存在することを確かめてください。</translation>
    </message>
    <message>
        <source>The instance uses no network.</source>
        <translation>このインスタンスはネットワークを使っていません。</translation>
    </message>
    <message>
        <source>Every network the instance uses is available on %1.</source>
        <translation>このインスタンスが使うネットワークはすべて %1 で使えます。</translation>
    </message>
    <message numerus="yes">
        <source>%n local disk(s): the move needs "copy storage" (slower) or shared storage.</source>
        <translation><numerusform>ローカルディスクが %n 個あります。移動には「ディスクのコピー」（時間がかかります）か共有ストレージが必要です。</numerusform></translation>
    </message>
    <message>
        <source>The disks are on shared storage; nothing to copy.</source>
        <translation>ディスクは共有ストレージ上にあるため、コピーは不要です。</translation>
    </message>
    <message>
        <source>The instance has no disks to copy.</source>
        <translation>コピーが必要なディスクはありません。</translation>
    </message>
    <message>
        <source>%1 is not in the inventory; add it there first.</source>
        <translation>%1 は構成ファイルにありません。先に追加してください。</translation>
    </message>
    <message>
        <source>Kumo is still connecting to %1; try again in a moment.</source>
        <translation>%1 に接続しているところです。少し待ってからやり直してください。</translation>
    </message>
    <message>
        <source>%1 is unreachable; check the node and its libvirt daemon.</source>
        <translation>%1 に接続できません。ノードとその libvirt デーモンを確認してください。</translation>
    </message>
    <message>
        <source>%1 is unreachable: %2</source>
        <translation>%1 に接続できません: %2</translation>
    </message>
    <message>
        <source>%1 is connected.</source>
        <translation>%1 に接続中です。</translation>
    </message>
    <message>
        <source>%1 is in maintenance and takes no new instances. Choose another node.</source>
        <translation>%1 はメンテナンスモードで、新しいインスタンスを受け入れません。別のノードを選んでください。</translation>
    </message>
    <message>
        <source>%1 is not in maintenance.</source>
        <translation>%1 はメンテナンスモードではありません。</translation>
    </message>
    <message>
        <source>%1 already runs on %2. Choose another node.</source>
        <translation>%1 はすでに %2 で動いています。別のノードを選んでください。</translation>
    </message>
    <message>
        <source>%1 runs on %2, not on %3.</source>
        <translation>%1 は %3 ではなく %2 で動いています。</translation>
    </message>
    <message>
        <source>Could not read the instance's definition: %1</source>
        <translation>インスタンスの定義を読み取れませんでした: %1</translation>
    </message>
    <message>
        <source>%1 did not answer; check the node and its libvirt daemon.</source>
        <translation>%1 が応答しませんでした。ノードとその libvirt デーモンを確認してください。</translation>
    </message>
    <message>
        <source>%1 did not answer: %2</source>
        <translation>%1 が応答しませんでした: %2</translation>
    </message>
    <message>
        <source>A domain named %1 already exists on %2. Rename or remove it there first.</source>
        <translation>%2 には %1 という名前のドメインがすでにあります。先に名前を変えるか削除してください。</translation>
    </message>
    <message>
        <source>No domain named %1 on %2.</source>
        <translation>%2 に %1 という名前のドメインはありません。</translation>
    </message>
    <message>
        <source>A domain with the UUID of %1 already exists on %2 (left over from an earlier move?). Remove it there first.</source>
        <translation>%2 には %1 と同じ UUID のドメインがすでにあります（以前の移動の残り？）。先に削除してください。</translation>
    </message>
    <message>
        <source>No domain with the UUID of %1 on %2.</source>
        <translation>%2 に %1 と同じ UUID のドメインはありません。</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>移動可</translation>
    </message>
    <message>
        <source>Allowed with warnings</source>
        <translation>移動可（警告あり）</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>移動不可</translation>
    </message>
</context>
<context>
    <name>kumo::SiteAreaItem</name>
    <message>
        <source>No nodes in this site</source>
        <translation>このキャンパスにノードはありません</translation>
    </message>
</context>
<context>
    <name>kumo::State</name>
    <message>
        <source>Connecting</source>
        <comment>node state</comment>
        <translation>接続処理中</translation>
    </message>
    <message>
        <source>Connected</source>
        <comment>node state</comment>
        <translation>接続中</translation>
    </message>
    <message>
        <source>Unreachable</source>
        <comment>node state</comment>
        <translation>接続不可</translation>
    </message>
    <message>
        <source>Unknown</source>
        <comment>instance state</comment>
        <translation>不明</translation>
    </message>
    <message>
        <source>Running</source>
        <comment>instance state</comment>
        <translation>実行中</translation>
    </message>
    <message>
        <source>Blocked</source>
        <comment>instance state</comment>
        <translation>ブロック中</translation>
    </message>
    <message>
        <source>Paused</source>
        <comment>instance state</comment>
        <translation>一時停止</translation>
    </message>
    <message>
        <source>Shutting down</source>
        <comment>instance state</comment>
        <translation>シャットダウン中</translation>
    </message>
    <message>
        <source>Shut off</source>
        <comment>instance state</comment>
        <translation>停止</translation>
    </message>
    <message>
        <source>Crashed</source>
        <comment>instance state</comment>
        <translation>クラッシュ</translation>
    </message>
    <message>
        <source>Suspended by guest</source>
        <comment>instance state</comment>
        <translation>ゲストによるサスペンド</translation>
    </message>
    <message>
        <source>Maintenance</source>
        <comment>node state</comment>
        <translation>メンテナンスモード</translation>
    </message>
</context>
<context>
    <name>kumo::VirtError</name>
    <message>
        <source>Cannot reach the node's libvirt daemon. Check that libvirtd runs on the node and that the URI is right.</source>
        <translation>ノードの libvirt デーモンに接続できません。ノードで libvirtd が動いているか、URI が正しいかを確認してください。</translation>
    </message>
    <message>
        <source>The node's libvirt daemon refused the credentials. Check the user name and password stored for this node.</source>
        <translation>ノードの libvirt デーモンが認証情報を拒否しました。このノードに保存されたユーザー名とパスワードを確認してください。</translation>
    </message>
    <message>
        <source>The instance no longer exists on this node. Refresh the view and try again.</source>
        <translation>このインスタンスはもうこのノードにありません。表示を更新してからやり直してください。</translation>
    </message>
    <message>
        <source>The node's hypervisor driver does not support this operation.</source>
        <translation>ノードのハイパーバイザードライバーはこの操作に対応していません。</translation>
    </message>
    <message>
        <source>The operation was cancelled.</source>
        <translation>操作はキャンセルされました。</translation>
    </message>
    <message>
        <source>The node did not answer in time. Check the network between this console and the node, then try again.</source>
        <translation>ノードが時間内に応答しませんでした。このコンソールとノードの間のネットワークを確認してから、やり直してください。</translation>
    </message>
    <message>
        <source>libvirt rejected the request as invalid. Check the values given for it.</source>
        <translation>libvirt が要求を不正として拒否しました。指定した値を確認してください。</translation>
    </message>
    <message>
        <source>libvirt could not complete the operation. The details give libvirt's reason.</source>
        <translation>libvirt が操作を完了できませんでした。理由は詳細を参照してください。</translation>
    </message>
    <message>
        <source>libvirt reported no reason.</source>
        <translation>libvirt から理由は報告されませんでした。</translation>
    </message>
</context>
</TS>