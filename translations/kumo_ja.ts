<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ja">
<context>
    <name>MigrateToDialog</name>
    <message>
        <source>Migrate to</source>
        <translation>移行先</translation>
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
        <translation>マイグレーション</translation>
    </message>
    <message>
        <source>Instance:</source>
        <translation>インスタンス:</translation>
    </message>
    <message>
        <source>Move:</source>
        <translation>移行:</translation>
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
        <translation>ライブ（移行中もインスタンスを停止しない）(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Offline: the instance is paused while it moves</source>
        <translation>オフライン（移行中はインスタンスを一時停止する）(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Keep the definition on the destination and remove it from the source</source>
        <translation>移行先に定義を残し、移行元から削除する(&amp;K)</translation>
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
        <translation>自動収束（メモリの書き換えが転送より速いときはゲストを減速する）(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Compress memory pages</source>
        <translation>メモリページを圧縮する(&amp;C)</translation>
    </message>
    <message>
        <source>Allow switching to &amp;post-copy while it runs</source>
        <translation>移行中にポストコピーへの切り替えを許可する(&amp;P)</translation>
    </message>
    <message>
        <source>P&amp;eer-to-peer: the source node connects to the destination</source>
        <translation>ピアツーピア（移行元ノードが移行先へ直接接続する）(&amp;E)</translation>
    </message>
    <message>
        <source>Migration address:</source>
        <translation>マイグレーション用アドレス:</translation>
    </message>
    <message>
        <source>Don&apos;t ask again for moves within one campus</source>
        <translation>同じキャンパス内の移行では確認しない</translation>
    </message>
    <message>
        <source>&amp;Reason (ticket or note):</source>
        <translation>理由（チケットまたは備考）(&amp;R):</translation>
    </message>
    <message>
        <source>Connection:</source>
        <translation>接続:</translation>
    </message>
    <message>
        <source>&amp;Transport:</source>
        <translation>接続方式(&amp;T):</translation>
    </message>
    <message>
        <source>Ma&amp;naged by this console</source>
        <translation>このコンソールが管理する(&amp;N)</translation>
    </message>
    <message>
        <source>Copy local di&amp;sks to the destination</source>
        <translation>ローカルディスクを移行先にコピーする(&amp;S)</translation>
    </message>
</context>
<context>
    <name>OutageSitePage</name>
    <message>
        <source>&amp;Campus:</source>
        <translation>キャンパス(&amp;C):</translation>
    </message>
    <message>
        <source>Set a &amp;time window</source>
        <translation>停電期間を設定する(&amp;T)</translation>
    </message>
    <message>
        <source>Power &amp;off at:</source>
        <translation>電源断の日時(&amp;O):</translation>
    </message>
    <message>
        <source>&amp;Reason:</source>
        <translation>理由(&amp;R):</translation>
    </message>
    <message>
        <source>Recorded home nodes</source>
        <translation>記録された元のノード</translation>
    </message>
    <message>
        <source>Power is back: &amp;end maintenance mode of this campus</source>
        <translation>復電済み: このキャンパスのメンテナンスモードを終了する(&amp;E)</translation>
    </message>
    <message>
        <source>Limits of the run</source>
        <translation>実行時の制限</translation>
    </message>
    <message>
        <source>&amp;Migrations at once:</source>
        <translation>同時マイグレーション数(&amp;M):</translation>
    </message>
    <message>
        <source>At once per campus &amp;link:</source>
        <translation>キャンパス間リンクごとの同時数(&amp;L):</translation>
    </message>
    <message>
        <source>&amp;Headroom kept free on targets:</source>
        <translation>移行先で空けておく容量(&amp;H):</translation>
    </message>
    <message>
        <source>&amp;Power back at:</source>
        <translation>復電の日時(&amp;P):</translation>
    </message>
    <message>
        <source>Band&amp;width limit per migration:</source>
        <translation>マイグレーションごとの帯域制限(&amp;W):</translation>
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
        <translation>マイグレーション</translation>
    </message>
    <message>
        <source>At most &amp;running at once:</source>
        <translation>同時に実行する最大数(&amp;R):</translation>
    </message>
    <message>
        <source>At most leaving one &amp;node:</source>
        <translation>1 台のノードから同時に移行する最大数(&amp;N):</translation>
    </message>
    <message>
        <source>Memory kept &amp;free on every node:</source>
        <translation>各ノードで空けておくメモリ(&amp;F):</translation>
    </message>
    <message>
        <source>&amp;Skip the confirmation for moves within one campus</source>
        <translation>同じキャンパス内の移行では確認を省略する(&amp;S)</translation>
    </message>
    <message>
        <source>Planned outage</source>
        <translation>停電対応</translation>
    </message>
    <message>
        <source>&amp;Headroom kept free on targets:</source>
        <translation>移行先で空けておく容量(&amp;H):</translation>
    </message>
    <message>
        <source>&amp;On a failed move:</source>
        <translation>移行に失敗したとき(&amp;O):</translation>
    </message>
</context>
<context>
    <name>kumo::AlertStatusButton</name>
    <message numerus="yes">
        <source>%n critical</source>
        <translation>
            <numerusform>重大 %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n warning(s)</source>
        <translation>
            <numerusform>警告 %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Alerts: %1, %2</source>
        <translation>アラート: %1、%2</translation>
    </message>
    <message>
        <source>Alerts: %1</source>
        <translation>アラート: %1</translation>
    </message>
    <message>
        <source>Alerts: none</source>
        <translation>アラート: なし</translation>
    </message>
    <message>
        <source>Alerts not acknowledged — click to show the Alerts dock</source>
        <translation>未確認のアラートです。クリックするとアラート一覧を表示します</translation>
    </message>
</context>
<context>
    <name>kumo::AlertTexts</name>
    <message>
        <source>Node unreachable</source>
        <translation>ノード接続不可</translation>
    </message>
    <message>
        <source>Connection to libvirtd lost</source>
        <translation>libvirtd との接続断</translation>
    </message>
    <message>
        <source>Instance crashed</source>
        <translation>インスタンスのクラッシュ</translation>
    </message>
    <message>
        <source>Paused by an I/O error</source>
        <translation>I/O エラーによる一時停止</translation>
    </message>
    <message>
        <source>Watchdog fired</source>
        <translation>ウォッチドッグの発動</translation>
    </message>
    <message>
        <source>Node memory low</source>
        <translation>ノードの空きメモリ不足</translation>
    </message>
    <message>
        <source>Storage pool low</source>
        <translation>ストレージプールの空き容量不足</translation>
    </message>
    <message>
        <source>Host CPU high</source>
        <translation>ホスト CPU の高負荷</translation>
    </message>
    <message>
        <source>Migration failed</source>
        <translation>移行の失敗</translation>
    </message>
    <message>
        <source>Service probe failing</source>
        <translation>サービス監視の失敗</translation>
    </message>
    <message>
        <source>%1 cannot be reached</source>
        <translation>%1 に接続できません</translation>
    </message>
    <message>
        <source>The connection to libvirtd on %1 was lost</source>
        <translation>%1 の libvirtd との接続が切れました</translation>
    </message>
    <message>
        <source>%1 crashed</source>
        <translation>%1 がクラッシュしました</translation>
    </message>
    <message>
        <source>%1 was paused by an I/O error</source>
        <translation>%1 が I/O エラーで一時停止しました</translation>
    </message>
    <message>
        <source>The watchdog of %1 fired</source>
        <translation>%1 のウォッチドッグが発動しました</translation>
    </message>
    <message>
        <source>%1 has %2% of its memory free</source>
        <translation>%1 の空きメモリは %2% です</translation>
    </message>
    <message>
        <source>Storage pool %1 on %2 has %3% free</source>
        <translation>%2 のストレージプール %1 の空き容量は %3% です</translation>
    </message>
    <message>
        <source>Host CPU of %1 at %2%</source>
        <translation>%1 のホスト CPU 使用率が %2% です</translation>
    </message>
    <message>
        <source>The migration of %1 failed</source>
        <translation>%1 の移行に失敗しました</translation>
    </message>
    <message numerus="yes">
        <source>Service probe %1 of %2 failed %n times in a row</source>
        <translation>
            <numerusform>%2 のサービス監視 %1 が %n 回連続で失敗しました</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is active on more than one node</source>
        <translation>%1 が複数のノードで二重起動しています</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <comment>alert text: detail</comment>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Silenced (campus in maintenance)</source>
        <translation>通知停止中（キャンパスがメンテナンス中）</translation>
    </message>
    <message>
        <source>Acknowledged</source>
        <translation>確認済み</translation>
    </message>
</context>
<context>
    <name>kumo::AlertsDock</name>
    <message>
        <source>No active alerts.</source>
        <translation>発生中のアラートはありません。</translation>
    </message>
    <message numerus="yes">
        <source>%n active alert(s), %1 not acknowledged</source>
        <translation>
            <numerusform>発生中のアラート %n 件（未確認 %1 件）</numerusform>
        </translation>
    </message>
    <message>
        <source>Alerts</source>
        <translation>アラート</translation>
    </message>
    <message>
        <source>&amp;Acknowledge</source>
        <translation>確認済みにする(&amp;A)</translation>
    </message>
    <message>
        <source>Acknowledge</source>
        <translation>確認済みにする</translation>
    </message>
    <message>
        <source>Acknowledge the selected alerts (%1)</source>
        <translation>選択したアラートを確認済みにします（%1）</translation>
    </message>
</context>
<context>
    <name>kumo::AlertsModel</name>
    <message>
        <source>%1 (for %2)</source>
        <translation>%1（%2継続）</translation>
    </message>
    <message>
        <source>Since</source>
        <translation>発生時刻</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>アラート</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
</context>
<context>
    <name>kumo::CampusHeadroom</name>
    <message>
        <source>No other campus could take its instances if it went dark</source>
        <translation>停電時にインスタンスを受け入れられる他のキャンパスがありません</translation>
    </message>
    <message>
        <source>Nothing runs here; the other campus has %1 GiB free</source>
        <translation>実行中のインスタンスはありません。他方のキャンパスの空きは %1 GiB です</translation>
    </message>
    <message>
        <source>Nothing runs here; the other campuses have %1 GiB free</source>
        <translation>実行中のインスタンスはありません。他のキャンパスの空きは %1 GiB です</translation>
    </message>
    <message numerus="yes">
        <source>If dark now, the other campus could take %1 of %n running instance(s) (%2 GiB left)</source>
        <translation>
            <numerusform>今停電すると、他方のキャンパスが実行中の %n 台中 %1 台を収容可能（残り %2 GiB）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>If dark now, the other campuses could take %1 of %n running instance(s) (%2 GiB left)</source>
        <translation>
            <numerusform>今停電すると、他のキャンパスが実行中の %n 台中 %1 台を収容可能（残り %2 GiB）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is the only campus: if it went dark, its instances would stop with it.</source>
        <translation>%1 は唯一のキャンパスです。停電すると、そのインスタンスは一緒に停止します。</translation>
    </message>
    <message>
        <source>Nothing runs on %1 now. %2 has %3 GiB of memory free for new instances after %4% headroom.</source>
        <translation>現在 %1 で実行中のインスタンスはありません。%2 には、%4% の余裕を残して %3 GiB のメモリの空きがあります。</translation>
    </message>
    <message numerus="yes">
        <source>If %1 went dark now, %2 could take all %n of its running instance(s), as the evacuation plan would place them; %3 GiB of memory would be left there after %4% headroom.</source>
        <translation>
            <numerusform>今 %1 が停電すると、退避計画のとおりに配置して、%2 は実行中のインスタンス %n 台をすべて収容できます。%4% の余裕を残したうえで、%3 GiB のメモリが残ります。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>If %1 went dark now, %2 could take only %3 of its %n running instance(s); %4 GiB of memory would be left there after %5% headroom.</source>
        <translation>
            <numerusform>今 %1 が停電すると、%2 が収容できるのは実行中のインスタンス %n 台のうち %3 台だけです。%5% の余裕を残したうえで、%4 GiB のメモリが残ります。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Left over (%n instance(s)), first: %1.</source>
        <translation>
            <numerusform>収容できないインスタンス（%n 台）の先頭: %1。</numerusform>
        </translation>
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
        <translation>キャンパスごとのノードとインスタンスを示すマップです。＋と－で拡大・縮小、0 で 100%、Home でウィンドウに合わせ、矢印キーでスクロール、Enter で選択した項目を開きます。</translation>
    </message>
    <message>
        <source>Every check passed.</source>
        <translation>すべての事前チェックで問題ありません。</translation>
    </message>
    <message>
        <source>Cannot move here: %1</source>
        <translation>ここには移行できません: %1</translation>
    </message>
</context>
<context>
    <name>kumo::CampusSummaryTable</name>
    <message>
        <source>%1 of %2 (%3)</source>
        <translation>%2 中 %1 空き（%3）</translation>
    </message>
    <message>
        <source>%1 of %2</source>
        <translation>%2 台中 %1 台</translation>
    </message>
    <message>
        <source>Campus</source>
        <translation>キャンパス</translation>
    </message>
    <message>
        <source>Nodes up</source>
        <translation>接続済みノード</translation>
    </message>
    <message>
        <source>Running</source>
        <translation>実行中</translation>
    </message>
    <message>
        <source>CPU</source>
        <translation>CPU</translation>
    </message>
    <message>
        <source>Memory used</source>
        <translation>メモリ使用量</translation>
    </message>
    <message>
        <source>Pool space free</source>
        <translation>ストレージプールの空き</translation>
    </message>
    <message>
        <source>Campus summary</source>
        <translation>キャンパスの概要</translation>
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
        <translation>コンソールはこのインスタンスをもう把握していません。</translation>
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
    <message>
        <source>The console is in read-only mode: it shows the cloud and changes nothing.</source>
        <translation>コンソールは読み取り専用モードです。クラウドを表示するだけで、何も変更しません。</translation>
    </message>
    <message>
        <source>The node %1 is read-only (read_only in the inventory): Kumo changes nothing on it.</source>
        <translation>ノード %1 は読み取り専用です（構成ファイルの read_only）。Kumo はこのノードで何も変更しません。</translation>
    </message>
    <message>
        <source>%1 runs on %2 at the same time: stop one copy first (Fix split brain).</source>
        <translation>%1 は %2 で同時に稼働しています。先にどちらかのコピーを停止してください（二重起動を解消）。</translation>
    </message>
    <message>
        <source>The instance does not run on %1 and another node at once (any more).</source>
        <translation>このインスタンスは現在、%1 と他のノードで同時には稼働していません。</translation>
    </message>
    <message>
        <source>The node %1 is not responding: its libvirt daemon has not answered for seconds.</source>
        <translation>ノード %1 が応答していません。libvirt デーモンから数秒以上応答がありません。</translation>
    </message>
    <message>
        <source>The node %1 left the inventory before its facts were read.</source>
        <translation>ノード %1 は情報を読み取る前に構成ファイルから削除されました。</translation>
    </message>
    <message>
        <source>The copy on %1 still runs: only a stopped copy&apos;s definition is removed.</source>
        <translation>%1 のコピーはまだ稼働しています。定義を削除できるのは停止したコピーだけです。</translation>
    </message>
    <message>
        <source>The definition on %1 is kept: no other node holds a persistent definition of this instance.</source>
        <translation>%1 の定義は残します。このインスタンスの永続定義を持つノードがほかにありません。</translation>
    </message>
</context>
<context>
    <name>kumo::ConnectionSecurity</name>
    <message>
        <source>Plain TCP: the connection, including passwords, crosses the network unencrypted.</source>
        <translation>平文の TCP です。パスワードを含む通信が暗号化されずにネットワークを流れます。</translation>
    </message>
    <message>
        <source>TLS with no_verify=1: the node&apos;s certificate is not checked, so anyone on the path can pose as the node.</source>
        <translation>no_verify=1 の TLS です。ノードの証明書を検証しないため、経路上の誰でもノードになりすませます。</translation>
    </message>
    <message>
        <source>The transport &quot;%1&quot; is not one Kumo can vouch for.</source>
        <translation>接続方式「%1」は Kumo が安全性を確認できない方式です。</translation>
    </message>
    <message>
        <source>Kumo refuses to connect: %1 Use ssh or tls, or set allow_insecure = true on this node in the inventory if the network is trusted.</source>
        <translation>接続を拒否しました。%1 ssh または tls を使ってください。信頼できるネットワークであれば、構成ファイルでこのノードに allow_insecure = true を設定してください。</translation>
    </message>
</context>
<context>
    <name>kumo::CopyFacts</name>
    <message>
        <source>libvirt could not measure it: %1</source>
        <translation>libvirt で測定できませんでした: %1</translation>
    </message>
    <message>
        <source>The node&apos;s connection closed during the measurement.</source>
        <translation>測定中にノードへの接続が閉じられました。</translation>
    </message>
    <message>
        <source>libvirt could not report it: %1</source>
        <translation>libvirt から取得できませんでした: %1</translation>
    </message>
    <message>
        <source>still measuring</source>
        <translation>測定中</translation>
    </message>
    <message>
        <source>not reported by this hypervisor</source>
        <translation>このハイパーバイザーは報告しません</translation>
    </message>
</context>
<context>
    <name>kumo::CredentialBroker</name>
    <message>
        <source>Kumo cannot ask for credentials for %1 here.</source>
        <translation>ここでは %1 の認証情報の入力を求められません。</translation>
    </message>
    <message>
        <source>Kumo is closing.</source>
        <translation>Kumo を終了しています。</translation>
    </message>
    <message>
        <source>Kumo has no way to ask for the credentials of this node.</source>
        <translation>このノードの認証情報の入力を求める手段がありません。</translation>
    </message>
    <message>
        <source>The keychain is locked. Unlock it to let Kumo remember credentials.</source>
        <translation>キーチェーンがロックされています。認証情報を保存するには、ロックを解除してください。</translation>
    </message>
    <message>
        <source>The SSH host key of %1 was rejected. Kumo will not connect to this node until you choose Forget Credentials for it.</source>
        <translation>%1 の SSH ホスト鍵を拒否しました。このノードで「認証情報を削除」を選ぶまで、Kumo はこのノードに接続しません。</translation>
    </message>
    <message>
        <source>You cancelled the credential prompt for %1. Kumo will not ask again until you choose Forget Credentials for this node.</source>
        <translation>%1 の認証情報の入力をキャンセルしました。このノードで「認証情報を削除」を選ぶまで、再び入力を求めることはありません。</translation>
    </message>
    <message>
        <source>The keychain is locked: the credentials for %1 were not remembered.</source>
        <translation>キーチェーンがロックされているため、%1 の認証情報は保存されませんでした。</translation>
    </message>
    <message>
        <source>The keychain did not store the credentials for %1.</source>
        <translation>キーチェーンに %1 の認証情報を保存できませんでした。</translation>
    </message>
    <message>
        <source>The node refused the credentials stored in the keychain. Enter them again.</source>
        <translation>キーチェーンに保存された認証情報がノードに拒否されました。もう一度入力してください。</translation>
    </message>
    <message>
        <source>The node refused the credentials you entered. Try again.</source>
        <translation>入力した認証情報がノードに拒否されました。もう一度入力してください。</translation>
    </message>
    <message>
        <source>Kumo forgot the credentials for %1.</source>
        <translation>%1 の認証情報を削除しました。</translation>
    </message>
    <message>
        <source>No keychain service is running; Kumo will ask for the credentials for %1 again.</source>
        <translation>キーチェーンのサービスが実行されていません。%1 の認証情報は次回も入力を求めます。</translation>
    </message>
    <message>
        <source>The keychain is locked: unlock it and choose Forget Credentials for %1 again.</source>
        <translation>キーチェーンがロックされています。ロックを解除してから、%1 でもう一度「認証情報を削除」を選んでください。</translation>
    </message>
    <message>
        <source>The keychain did not delete the credentials for %1.</source>
        <translation>キーチェーンから %1 の認証情報を削除できませんでした。</translation>
    </message>
    <message>
        <source>No keychain service is running, so Kumo cannot remember credentials and asks again each time it starts.</source>
        <translation>キーチェーンのサービスが実行されていないため、認証情報を保存できません。Kumo を起動するたびに入力を求めます。</translation>
    </message>
    <message>
        <source>No keychain service is running: Kumo cannot remember credentials and asks for them again each time it starts.</source>
        <translation>キーチェーンのサービスが実行されていません。認証情報は保存できないため、Kumo を起動するたびに入力を求めます。</translation>
    </message>
    <message>
        <source>The node refused the credentials that worked before. Enter them again.</source>
        <translation>以前は受け入れられた認証情報をノードが拒否しました。もう一度入力してください。</translation>
    </message>
</context>
<context>
    <name>kumo::CredentialDialog</name>
    <message>
        <source>Unknown SSH host key</source>
        <translation>未知の SSH ホスト鍵</translation>
    </message>
    <message>
        <source>Credentials for %1</source>
        <translation>%1 の認証情報</translation>
    </message>
    <message>
        <source>Is this the SSH host key of %1?</source>
        <translation>これは %1 の SSH ホスト鍵ですか？</translation>
    </message>
    <message>
        <source>The libvirt daemon of %1 asks for credentials.</source>
        <translation>%1 の libvirt デーモンが認証情報を求めています。</translation>
    </message>
    <message>
        <source>Kumo does not know this node&apos;s SSH host key yet. Accept it only if the fingerprint below is the one the node&apos;s administrator gives you; it is not stored in the keychain.</source>
        <translation>このノードの SSH ホスト鍵はまだ登録されていません。下のフィンガープリントがノードの管理者から伝えられたものと一致する場合にのみ受け入れてください。ホスト鍵はキーチェーンに保存されません。</translation>
    </message>
    <message>
        <source>Kumo sends these to the node only; with &quot;Remember in the keychain&quot; it stores them in the keychain after the node accepted them.</source>
        <translation>入力した内容はノードにのみ送られます。「キーチェーンに保存」を選ぶと、ノードが受け入れた後でキーチェーンに保存します。</translation>
    </message>
    <message>
        <source>libvirt asks: %1</source>
        <translation>libvirt からの質問: %1</translation>
    </message>
    <message>
        <source>&amp;Accept host key</source>
        <translation>ホスト鍵を受け入れる(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Reject</source>
        <translation>拒否(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;User name:</source>
        <translation>ユーザー名(&amp;U):</translation>
    </message>
    <message>
        <source>&amp;Password:</source>
        <translation>パスワード(&amp;P):</translation>
    </message>
    <message>
        <source>A&amp;nswer:</source>
        <translation>回答(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Connect</source>
        <translation>接続(&amp;C)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Re&amp;member in the keychain</source>
        <translation>キーチェーンに保存(&amp;M)</translation>
    </message>
    <message>
        <source>Store the user name and password in the keychain once the node accepts them.</source>
        <translation>ノードが受け入れた後、ユーザー名とパスワードをキーチェーンに保存します。</translation>
    </message>
    <message>
        <source>Act a&amp;s (optional):</source>
        <translation>代理ユーザー（省略可）(&amp;S):</translation>
    </message>
</context>
<context>
    <name>kumo::DesktopNotifier</name>
    <message>
        <source>Outage run</source>
        <translation>停電対応</translation>
    </message>
    <message numerus="yes">
        <source>%1: %n alerts (%2 critical)</source>
        <translation>
            <numerusform>%1: アラート %n 件（重大 %2 件）</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1: %n alerts</source>
        <translation>
            <numerusform>%1: アラート %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n more</source>
        <translation>
            <numerusform>ほか %n 件</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
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
        <comment>error message, then libvirt&apos;s own text</comment>
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
        <translation>%1%</translation>
    </message>
    <message>
        <source>%1 running of %2</source>
        <translation>%2 台中 %1 台が実行中</translation>
    </message>
    <message>
        <source>Yes, takes no new instances</source>
        <translation>はい（新しいインスタンスを受け入れない）</translation>
    </message>
    <message>
        <source>No</source>
        <translation>いいえ</translation>
    </message>
    <message>
        <source>Not set (libvirt&apos;s default)</source>
        <translation>未設定（libvirt の既定）</translation>
    </message>
    <message>
        <source>Instance on %1</source>
        <translation>%1 のインスタンス</translation>
    </message>
    <message>
        <source>%1 of at most %2</source>
        <translation>%1（最大 %2）</translation>
    </message>
    <message>
        <source>Not running</source>
        <translation>停止中</translation>
    </message>
    <message>
        <source>Yes</source>
        <translation>はい</translation>
    </message>
    <message>
        <source>No, disappears when it stops</source>
        <translation>いいえ（停止すると消える）</translation>
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
        <translation>自動起動:</translation>
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
    <message>
        <source>Connection:</source>
        <translation>接続:</translation>
    </message>
    <message>
        <source>The same instance runs on %1 at once. Its actions are locked until one copy is stopped.</source>
        <translation>同じインスタンスが %1 で同時に稼働しています。どちらかのコピーを停止するまで操作はロックされます。</translation>
    </message>
    <message>
        <source>Split brain:</source>
        <translation>二重起動:</translation>
    </message>
    <message>
        <source>Fix split brain…</source>
        <translation>二重起動を解消…</translation>
    </message>
    <message>
        <source>user %1, kernel %2, waiting for I/O %3</source>
        <translation>ユーザー %1、カーネル %2、I/O 待ち %3</translation>
    </message>
    <message>
        <source>%1: inactive</source>
        <translation>%1: 停止中</translation>
    </message>
    <message>
        <source>%1: %2 free of %3 (%4)</source>
        <translation>%1: %3 中 %2 空き（%4）</translation>
    </message>
    <message>
        <source>None</source>
        <translation>なし</translation>
    </message>
    <message>
        <source>%1 resident on the host</source>
        <translation>ホスト上の常駐メモリ %1</translation>
    </message>
    <message>
        <source>%1
the guest reports %2 available, %3 unused</source>
        <translation>%1
ゲストの報告: 利用可能 %2、未使用 %3</translation>
    </message>
    <message>
        <source>read %1, write %2</source>
        <translation>読み取り %1、書き込み %2</translation>
    </message>
    <message>
        <source>received %1, sent %2</source>
        <translation>受信 %1、送信 %2</translation>
    </message>
    <message>
        <source>CPU time:</source>
        <translation>CPU 時間:</translation>
    </message>
    <message>
        <source>Storage pools:</source>
        <translation>ストレージプール:</translation>
    </message>
    <message>
        <source>CPU steal:</source>
        <translation>CPU スティール:</translation>
    </message>
    <message>
        <source>Host memory:</source>
        <translation>ホストのメモリ:</translation>
    </message>
    <message>
        <source>Disk I/O:</source>
        <translation>ディスク I/O:</translation>
    </message>
    <message>
        <source>Network:</source>
        <translation>ネットワーク:</translation>
    </message>
    <message>
        <source>Top consumers</source>
        <translation>リソース使用量上位</translation>
    </message>
    <message>
        <source>Campuses</source>
        <translation>キャンパス</translation>
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
    <name>kumo::DomainAction</name>
    <message>
        <source>The copy on %1 still runs: only a stopped copy&apos;s definition is removed.</source>
        <translation>%1 のコピーはまだ稼働しています。定義を削除できるのは停止したコピーだけです。</translation>
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
    <name>kumo::Evacuation</name>
    <message>
        <source>%1 is still running; pause or stop it first.</source>
        <translation>%1 はまだ実行中です。先に一時停止するか中断してください。</translation>
    </message>
    <message>
        <source>%1 is still running; wait for it to end or stop it first.</source>
        <translation>%1 はまだ実行中です。終わるまで待つか、先に中断してください。</translation>
    </message>
    <message>
        <source>The return of %1 did not finish; resume it before evacuating again.</source>
        <translation>%1 の切り戻しが完了していません。再び退避する前に切り戻しを再開してください。</translation>
    </message>
    <message>
        <source>The plan cannot start: %1</source>
        <translation>計画を開始できません: %1</translation>
    </message>
    <message>
        <source>The outage of %1 has nothing left to resume.</source>
        <translation>%1 の停電対応には再開できる処理が残っていません。</translation>
    </message>
    <message>
        <source>%1 takes instances again</source>
        <translation>%1 は再びインスタンスを受け入れます</translation>
    </message>
    <message>
        <source>%1: re-planned from %2 to %3. %4</source>
        <translation>%1: 移行先を %2 から %3 に計画し直しました。%4</translation>
    </message>
</context>
<context>
    <name>kumo::EventLog</name>
    <message>
        <source>Information</source>
        <translation>情報</translation>
    </message>
    <message>
        <source>Warning</source>
        <translation>警告</translation>
    </message>
    <message>
        <source>Critical</source>
        <translation>重大</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>ノード</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>インスタンス</translation>
    </message>
    <message>
        <source>Move</source>
        <translation>配置変更</translation>
    </message>
    <message>
        <source>Split brain</source>
        <translation>二重起動</translation>
    </message>
    <message>
        <source>Action</source>
        <translation>操作</translation>
    </message>
    <message>
        <source>Migration</source>
        <translation>移行</translation>
    </message>
    <message>
        <source>Outage</source>
        <translation>停電対応</translation>
    </message>
    <message>
        <source>Alert</source>
        <translation>アラート</translation>
    </message>
    <message>
        <source>Could not write the event log to this file.</source>
        <translation>イベントログをこのファイルに書き込めませんでした。</translation>
    </message>
</context>
<context>
    <name>kumo::EventLogDock</name>
    <message numerus="yes">
        <source>%1 of %n event(s)</source>
        <translation>
            <numerusform>%n 件中 %1 件</numerusform>
        </translation>
    </message>
    <message>
        <source>Export Event Log</source>
        <translation>イベントログのエクスポート</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
    <message>
        <source>%1

%2</source>
        <translation>%1

%2</translation>
    </message>
    <message>
        <source>Event Log</source>
        <translation>イベントログ</translation>
    </message>
    <message>
        <source>All kinds</source>
        <translation>すべての種類</translation>
    </message>
    <message>
        <source>All severities</source>
        <translation>すべての重要度</translation>
    </message>
    <message>
        <source>Warnings and critical</source>
        <translation>警告と重大</translation>
    </message>
    <message>
        <source>Critical only</source>
        <translation>重大のみ</translation>
    </message>
    <message>
        <source>All nodes</source>
        <translation>すべてのノード</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>インスタンス</translation>
    </message>
    <message>
        <source>Filter by instance</source>
        <translation>インスタンスで絞り込み</translation>
    </message>
    <message>
        <source>Filter events: any text</source>
        <translation>イベントを絞り込み: 任意の文字列</translation>
    </message>
    <message>
        <source>Filter events</source>
        <translation>イベントを絞り込み</translation>
    </message>
    <message>
        <source>Filter by severity</source>
        <translation>重要度で絞り込み</translation>
    </message>
    <message>
        <source>Filter by kind</source>
        <translation>種類で絞り込み</translation>
    </message>
    <message>
        <source>Filter by node</source>
        <translation>ノードで絞り込み</translation>
    </message>
    <message>
        <source>Export CSV…</source>
        <translation>CSV エクスポート…</translation>
    </message>
    <message>
        <source>Save the events the filters show as a CSV file</source>
        <translation>絞り込みで表示中のイベントを CSV ファイルに保存します</translation>
    </message>
</context>
<context>
    <name>kumo::EventLogModel</name>
    <message>
        <source>Time</source>
        <translation>時刻</translation>
    </message>
    <message>
        <source>Kind</source>
        <translation>種類</translation>
    </message>
    <message>
        <source>Event</source>
        <translation>イベント</translation>
    </message>
</context>
<context>
    <name>kumo::EventRecorder</name>
    <message>
        <source>Node %1 was removed from the inventory</source>
        <translation>ノード %1 が構成ファイルから削除されました</translation>
    </message>
    <message>
        <source>%1 is now on %2 (was on %3)</source>
        <translation>%1 は現在 %2 上にあります（以前は %3）</translation>
    </message>
    <message>
        <source>%1 is active on one node again</source>
        <translation>%1 の二重起動が解消しました</translation>
    </message>
    <message>
        <source>%1 is active on %2 at once</source>
        <translation>%1 が %2 で二重起動しています</translation>
    </message>
    <message>
        <source>%1: %2 asked</source>
        <translation>%1: %2 を要求しました</translation>
    </message>
    <message>
        <source>%1: %2 failed: %3</source>
        <translation>%1: %2 に失敗しました: %3</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>%1: %2 (%3)</source>
        <translation>%1: %2（%3）</translation>
    </message>
    <message>
        <source>Migration of %1 from %2 to %3 queued</source>
        <translation>%1 の %2 から %3 への移行を待機列に追加しました</translation>
    </message>
    <message>
        <source>Migration of %1 to %2 refused: %3</source>
        <translation>%1 の %2 への移行は拒否されました: %3</translation>
    </message>
    <message>
        <source>%1 migrated from %2 to %3</source>
        <translation>%1 を %2 から %3 へ移行しました</translation>
    </message>
    <message>
        <source>Migration of %1 to %2 cancelled</source>
        <translation>%1 の %2 への移行をキャンセルしました</translation>
    </message>
    <message>
        <source>Migration of %1 to %2 failed: %3</source>
        <translation>%1 の %2 への移行に失敗しました: %3</translation>
    </message>
    <message>
        <source>Alert: %1</source>
        <translation>アラート: %1</translation>
    </message>
    <message>
        <source>Alert acknowledged: %1</source>
        <translation>アラート確認済み: %1</translation>
    </message>
    <message>
        <source>Alert cleared: %1</source>
        <translation>アラート解除: %1</translation>
    </message>
    <message>
        <source>A move of the outage run failed: %1</source>
        <translation>停電対応の移行に失敗しました: %1</translation>
    </message>
</context>
<context>
    <name>kumo::FirstRunWidget</name>
    <message>
        <source>No nodes yet</source>
        <translation>ノードはまだありません</translation>
    </message>
    <message>
        <source>Kumo shows the campuses and nodes listed in its inventory, %1, which does not exist yet: add a first node, open an inventory you already have, or look around in the demo lab.</source>
        <translation>Kumo は構成ファイル %1 に書かれたキャンパスとノードを表示しますが、このファイルはまだありません。最初のノードを追加するか、お手元の構成ファイルを開くか、デモ環境で試してみてください。</translation>
    </message>
    <message>
        <source>Add Node…</source>
        <translation>ノードを追加…</translation>
    </message>
    <message>
        <source>Open Inventory…</source>
        <translation>構成ファイルを開く…</translation>
    </message>
    <message>
        <source>Start the Demo Lab</source>
        <translation>デモ環境を起動</translation>
    </message>
</context>
<context>
    <name>kumo::Format</name>
    <message>
        <source>%1 %</source>
        <comment>percentage</comment>
        <translation>%1%</translation>
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
        <translation>
            <numerusform>%n 分</numerusform>
        </translation>
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
        <translation>%1以上</translation>
    </message>
    <message>
        <source>%1 B/s</source>
        <translation>%1 B/s</translation>
    </message>
    <message>
        <source>%1 KiB/s</source>
        <translation>%1 KiB/s</translation>
    </message>
    <message>
        <source>%1 MiB/s</source>
        <translation>%1 MiB/s</translation>
    </message>
    <message>
        <source>yyyy-MM-dd HH:mm:ss</source>
        <comment>date and time, as QDateTime::toString() reads it</comment>
        <translation>yyyy/MM/dd HH:mm:ss</translation>
    </message>
</context>
<context>
    <name>kumo::HistoryChart</name>
    <message>
        <source>Latest: %1 %</source>
        <translation>最新: %1%</translation>
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
    <message>
        <source>MiB/s</source>
        <comment>binary megabytes per second</comment>
        <translation>MiB/s</translation>
    </message>
    <message>
        <source>KiB/s</source>
        <comment>binary kilobytes per second</comment>
        <translation>KiB/s</translation>
    </message>
    <message>
        <source>Disk I/O (read + write), last %1 min</source>
        <translation>ディスク I/O（読み取り＋書き込み）、直近 %1 分</translation>
    </message>
    <message>
        <source>Disk I/O history</source>
        <translation>ディスク I/O の履歴</translation>
    </message>
    <message>
        <source>Network (received + sent), last %1 min</source>
        <translation>ネットワーク（受信＋送信）、直近 %1 分</translation>
    </message>
    <message>
        <source>Network traffic history</source>
        <translation>ネットワーク通信量の履歴</translation>
    </message>
</context>
<context>
    <name>kumo::HostConnection</name>
    <message>
        <source>The daemon closed the connection.</source>
        <translation>デーモンが接続を閉じました。</translation>
    </message>
    <message>
        <source>The daemon stopped answering keepalive messages.</source>
        <translation>デーモンがキープアライブに応答しなくなりました。</translation>
    </message>
    <message>
        <source>The connection failed with an I/O error.</source>
        <translation>I/O エラーで接続が切れました。</translation>
    </message>
    <message>
        <source>The connection was closed.</source>
        <translation>接続が閉じられました。</translation>
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
    <message>
        <source>Remove &amp;Definition</source>
        <translation>定義を削除(&amp;D)</translation>
    </message>
    <message>
        <source>The definition of %1 was removed; its disks were kept.</source>
        <translation>%1 の定義を削除しました。ディスクは残しています。</translation>
    </message>
    <message>
        <source>R&amp;esume</source>
        <translation>再開(&amp;E)</translation>
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
    <message>
        <source>One instance running twice: actions are locked. Use Fix split brain to stop one copy.</source>
        <translation>同じインスタンスが二重起動しています。操作はロックされています。「二重起動を解消」でどちらかのコピーを停止してください。</translation>
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
        <translation>停止中</translation>
    </message>
    <message>
        <source>Up since the console saw it start</source>
        <translation>コンソールが起動を確認してからの稼働時間です</translation>
    </message>
    <message>
        <source>It was already running when the console first saw it: up at least this long. libvirt does not report when an instance started.</source>
        <translation>コンソールが最初に確認したときにはすでに実行中でした。少なくともこの時間は稼働しています。libvirt はインスタンスの起動時刻を報告しません。</translation>
    </message>
    <message>
        <source>The same instance runs on %1 at once: its actions are locked until one copy is stopped (Fix split brain).</source>
        <translation>同じインスタンスが %1 で同時に稼働しています。どちらかのコピーを停止するまで操作はロックされます（二重起動を解消）。</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message numerus="yes">
        <source>%1: %2 Failed %n time(s) in a row.</source>
        <translation>
            <numerusform>%1: %2 %n 回続けて失敗しています。</numerusform>
        </translation>
    </message>
    <message>
        <source>Service</source>
        <translation>サービス</translation>
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
        <source>The key &quot;%1&quot; in %2 must be %3, not %4.</source>
        <translation>%2 のキー「%1」には%3を指定してください（%4が指定されています）。</translation>
    </message>
    <message>
        <source>Unknown key &quot;%1&quot; in %2; expected one of: %3.</source>
        <translation>%2 に不明なキー「%1」があります。使えるキー: %3</translation>
    </message>
    <message>
        <source>Missing required key &quot;%1&quot; in %2.</source>
        <translation>%2 に必須のキー「%1」がありません。</translation>
    </message>
    <message>
        <source>The key &quot;%1&quot; in %2 must not be empty.</source>
        <translation>%2 のキー「%1」は空にできません。</translation>
    </message>
    <message>
        <source>The key &quot;%1&quot; in %2 must be between %3 and %4, not %5.</source>
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
        <source>The top-level key &quot;%1&quot; must be %2, not %3.</source>
        <translation>最上位のキー「%1」には%2を指定してください（%3が指定されています）。</translation>
    </message>
    <message>
        <source>Each entry of &quot;%1&quot; must be a table, not %2.</source>
        <translation>「%1」の各要素にはテーブルを指定してください（%2が指定されています）。</translation>
    </message>
    <message>
        <source>The URI &quot;%1&quot; contains whitespace; a libvirt URI looks like %2, e.g. &quot;%3&quot;.</source>
        <translation>URI「%1」に空白が含まれています。libvirt の URI は %2 の形式です（例:「%3」）。</translation>
    </message>
    <message>
        <source>The URI &quot;%1&quot; is not a valid libvirt URI; a libvirt URI looks like %2, e.g. &quot;%3&quot;.</source>
        <translation>URI「%1」は正しい libvirt の URI ではありません。libvirt の URI は %2 の形式です（例:「%3」）。</translation>
    </message>
    <message>
        <source>The URI &quot;%1&quot; has no scheme; a libvirt URI looks like %2, e.g. &quot;%3&quot;.</source>
        <translation>URI「%1」にスキームがありません。libvirt の URI は %2 の形式です（例:「%3」）。</translation>
    </message>
    <message>
        <source>The URI &quot;%1&quot; has an invalid scheme &quot;%2&quot;; expected a driver such as qemu or test, optionally followed by +transport.</source>
        <translation>URI「%1」のスキーム「%2」が正しくありません。qemu や test などのドライバー名を指定し、必要なら +トランスポートを続けてください。</translation>
    </message>
    <message>
        <source>The URI &quot;%1&quot; uses the unknown transport &quot;%2&quot;; expected one of: %3.</source>
        <translation>URI「%1」のトランスポート「%2」は不明です。使えるもの: %3</translation>
    </message>
    <message>
        <source>The site id &quot;%1&quot; is not valid; use lowercase letters, digits, &quot;_&quot; and &quot;-&quot;, e.g. &quot;myodaiji&quot;.</source>
        <translation>キャンパス ID「%1」が正しくありません。英小文字・数字・「_」・「-」を使ってください（例:「myodaiji」）。</translation>
    </message>
    <message>
        <source>The site id &quot;%1&quot; is already used on line %2; each site needs its own id.</source>
        <translation>キャンパス ID「%1」は %2 行目ですでに使われています。キャンパスごとに別の ID が必要です。</translation>
    </message>
    <message>
        <source>The color &quot;%1&quot; is not valid; expected #rrggbb, e.g. &quot;#2f6fb3&quot;.</source>
        <translation>色「%1」が正しくありません。#rrggbb の形式で指定してください（例:「#2f6fb3」）。</translation>
    </message>
    <message>
        <source>The key &quot;position&quot; in %1 must be two numbers, e.g. [0.0, 0.0].</source>
        <translation>%1 のキー「position」は 2 つの数値で指定してください（例: [0.0, 0.0]）。</translation>
    </message>
    <message>
        <source>The node name &quot;%1&quot; is already used on line %2; node names must be unique.</source>
        <translation>ノード名「%1」は %2 行目ですでに使われています。ノード名は重複できません。</translation>
    </message>
    <message>
        <source>The node &quot;%1&quot; is on the unknown site &quot;%2&quot;; known sites: %3.</source>
        <translation>ノード「%1」のキャンパス「%2」は不明です。定義済みのキャンパス: %3</translation>
    </message>
    <message>
        <source>The migration URI &quot;%1&quot; is not valid; expected scheme://host[:port], e.g. &quot;tcp://10.0.0.2:49152&quot;.</source>
        <translation>マイグレーション URI「%1」が正しくありません。scheme://host[:port] の形式で指定してください（例:「tcp://10.0.0.2:49152」）。</translation>
    </message>
    <message>
        <source>Unknown probe kind &quot;%1&quot;; expected one of: %2.</source>
        <translation>サービス監視の種類「%1」は不明です。使えるもの: %2</translation>
    </message>
    <message>
        <source>The key &quot;path&quot; is only used by http probes; remove it or set kind = &quot;http&quot;.</source>
        <translation>キー「path」は http の監視でのみ使います。削除するか、kind = &quot;http&quot; にしてください。</translation>
    </message>
    <message>
        <source>The HTTP path &quot;%1&quot; must start with &quot;/&quot;, e.g. &quot;/health&quot;.</source>
        <translation>HTTP のパス「%1」は「/」で始めてください（例:「/health」）。</translation>
    </message>
    <message>
        <source>The instance name &quot;%1&quot; is already used on line %2; each instance may appear only once.</source>
        <translation>インスタンス名「%1」は %2 行目ですでに使われています。各インスタンスは 1 回だけ記述できます。</translation>
    </message>
    <message>
        <source>The instance &quot;%1&quot; has the unknown home node &quot;%2&quot;; known nodes: %3.</source>
        <translation>インスタンス「%1」の元のノード「%2」は不明です。定義済みのノード: %3</translation>
    </message>
    <message>
        <source>The inventory is empty: it needs at least one [[site]] and one [[node]].</source>
        <translation>構成ファイルが空です。少なくとも 1 つの [[site]] と 1 つの [[node]] が必要です。</translation>
    </message>
    <message>
        <source>Unknown top-level key &quot;%1&quot;; expected one of: %2.</source>
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
        <translation>ファイルが正しい TOML ではありません。解析エラーの内容は詳細を参照してください。</translation>
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
        <translation>構成ファイルに書き込めません。ディレクトリに書き込めるか確認してください。</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>ディレクトリ %1 を作成できません。</translation>
    </message>
    <message>
        <source>a table ([alerts])</source>
        <translation>テーブル（[alerts]）</translation>
    </message>
    <message>
        <source>a table of tables ([alerts.%1.NAME])</source>
        <translation>テーブルのテーブル（[alerts.%1.NAME]）</translation>
    </message>
    <message>
        <source>The alert settings %1 name the unknown node &quot;%2&quot;; known nodes: %3.</source>
        <translation>アラート設定 %1 のノード「%2」は不明です。定義済みのノード: %3</translation>
    </message>
    <message>
        <source>a number</source>
        <translation>数値</translation>
    </message>
    <message>
        <source>The key &quot;%1&quot; in %2 must not be under &quot;%3&quot; (%4): the alert clears once the value is back above it.</source>
        <translation>%2 のキー「%1」は「%3」（%4）より小さくできません。値がこれを上回るとアラートが解除されます。</translation>
    </message>
    <message>
        <source>The key &quot;%1&quot; in %2 must not be over &quot;%3&quot; (%4): the alert clears once the value is back under it.</source>
        <translation>%2 のキー「%1」は「%3」（%4）より大きくできません。値がこれを下回るとアラートが解除されます。</translation>
    </message>
    <message>
        <source>Each entry of &quot;probes&quot; must be a URL string or an inline table with &quot;url&quot;, not %1.</source>
        <translation>「probes」の各要素には、URL の文字列か「url」を持つインラインテーブルを指定してください（%1が指定されています）。</translation>
    </message>
    <message>
        <source>The key &quot;ehlo&quot; is only used by smtp probes; remove it.</source>
        <translation>キー「ehlo」は smtp の監視でのみ使います。削除してください。</translation>
    </message>
    <message>
        <source>The key &quot;expect&quot; is only used by http and https probes; remove it.</source>
        <translation>キー「expect」は http と https の監視でのみ使います。削除してください。</translation>
    </message>
    <message>
        <source>The probe URL &quot;%1&quot; contains whitespace; a probe URL looks like one of: %2.</source>
        <translation>監視 URL「%1」に空白が含まれています。監視 URL の形式: %2</translation>
    </message>
    <message>
        <source>The probe URL &quot;%1&quot; has an invalid IPv6 address &quot;%2&quot;.</source>
        <translation>監視 URL「%1」の IPv6 アドレス「%2」は正しくありません。</translation>
    </message>
    <message>
        <source>The probe URL &quot;%1&quot; has an invalid host name &quot;%2&quot;; use a name or an address such as 192.0.2.10.</source>
        <translation>監視 URL「%1」のホスト名「%2」は正しくありません。ホスト名か 192.0.2.10 のようなアドレスを指定してください。</translation>
    </message>
    <message>
        <source>The probe URL &quot;%1&quot; has an unclosed &quot;[&quot; around its IPv6 address.</source>
        <translation>監視 URL「%1」の IPv6 アドレスを囲む「[」が閉じられていません。</translation>
    </message>
    <message>
        <source>The probe URL &quot;%1&quot; has no host.</source>
        <translation>監視 URL「%1」にホストがありません。</translation>
    </message>
    <message>
        <source>The probe URL &quot;%1&quot; has no scheme; a probe URL looks like one of: %2.</source>
        <translation>監視 URL「%1」にスキームがありません。監視 URL の形式: %2</translation>
    </message>
    <message>
        <source>The probe URL &quot;%1&quot; has the port &quot;%2&quot;; a port is a number from 1 to 65535.</source>
        <translation>監視 URL「%1」のポート「%2」は使えません。ポートは 1〜65535 の数値です。</translation>
    </message>
    <message>
        <source>The probe URL &quot;%1&quot; has the unknown scheme &quot;%2&quot;; expected one of: %3.</source>
        <translation>監視 URL「%1」のスキーム「%2」は不明です。使えるもの: %3</translation>
    </message>
    <message>
        <source>The probe URL &quot;%1&quot; is not valid; a %2 probe has only a host and a port, e.g. &quot;%2://192.0.2.10:%3&quot;.</source>
        <translation>監視 URL「%1」は正しくありません。%2 の監視はホストとポートだけを指定します（例:「%2://192.0.2.10:%3」）。</translation>
    </message>
    <message>
        <source>The probe URL &quot;%1&quot; is not valid; after the host comes &quot;:port&quot; or the path.</source>
        <translation>監視 URL「%1」は正しくありません。ホストの後には「:ポート」かパスを続けてください。</translation>
    </message>
    <message>
        <source>The probe URL &quot;%1&quot; needs a port: a tcp probe connects to host:port, e.g. &quot;tcp://192.0.2.12:389&quot;.</source>
        <translation>監視 URL「%1」にはポートが必要です。tcp の監視はホスト:ポートに接続します（例:「tcp://192.0.2.12:389」）。</translation>
    </message>
    <message>
        <source>an array of probe URLs, e.g. [&quot;tcp://192.0.2.12:389&quot;]</source>
        <translation>監視 URL の配列（例: [&quot;tcp://192.0.2.12:389&quot;]）</translation>
    </message>
    <message>
        <source>a special file</source>
        <translation>特殊ファイル</translation>
    </message>
    <message>
        <source>a folder</source>
        <translation>ディレクトリ</translation>
    </message>
    <message>
        <source>a named pipe</source>
        <translation>名前付きパイプ</translation>
    </message>
    <message>
        <source>a device</source>
        <translation>デバイス</translation>
    </message>
    <message>
        <source>a socket</source>
        <translation>ソケット</translation>
    </message>
    <message>
        <source>The inventory is %1, not a regular file; choose a TOML text file.</source>
        <translation>構成ファイルが通常のファイルではなく%1です。TOML のテキストファイルを指定してください。</translation>
    </message>
    <message>
        <source>The inventory file is larger than %1 MiB; an inventory is a short text file: check that this is the right file.</source>
        <translation>構成ファイルが %1 MiB を超えています。構成ファイルは短いテキストファイルのはずです。正しいファイルか確認してください。</translation>
    </message>
    <message>
        <source>Tables, arrays or dotted keys are nested more than %1 levels deep here; an inventory needs only a few levels.</source>
        <translation>ここでテーブル、配列またはドット区切りのキーが %1 段より深く入れ子になっています。構成ファイルに必要な入れ子は数段だけです。</translation>
    </message>
    <message>
        <source>The key &quot;%1&quot; in %2 contains the control character U+%3; a name is one line of text without control characters.</source>
        <translation>%2 のキー「%1」に制御文字 U+%3 が含まれています。名前は制御文字を含まない 1 行のテキストにしてください。</translation>
    </message>
    <message>
        <source>The key &quot;%1&quot; in %2 is %3 characters long; a name may have at most %4.</source>
        <translation>%2 のキー「%1」が %3 文字あります。名前は %4 文字までです。</translation>
    </message>
</context>
<context>
    <name>kumo::InventoryEditor</name>
    <message>
        <source>The inventory file has a problem, so Kumo does not change it: %1 Fix the file first.</source>
        <translation>構成ファイルに問題があるため、変更しません。%1 先にファイルを修正してください。</translation>
    </message>
    <message>
        <source>The inventory file is not valid TOML.</source>
        <translation>構成ファイルが正しい TOML ではありません。</translation>
    </message>
    <message>
        <source>A node named &quot;%1&quot; is already in the inventory; choose another name.</source>
        <translation>ノード「%1」はすでに構成ファイルにあります。別の名前を選んでください。</translation>
    </message>
    <message>
        <source>The nodes in this inventory are not written as [[node]] tables, so Kumo cannot change them in place; edit the file by hand.</source>
        <translation>この構成ファイルのノードは [[node]] テーブルで書かれていないため、その場で変更できません。ファイルを直接編集してください。</translation>
    </message>
    <message>
        <source>The inventory has no node named &quot;%1&quot;; it may have been changed meanwhile.</source>
        <translation>構成ファイルにノード「%1」がありません。その間にファイルが変更された可能性があります。</translation>
    </message>
    <message>
        <source>The change would leave the inventory unreadable, so nothing was written: %1</source>
        <translation>この変更を加えると構成ファイルを読めなくなるため、何も書き込みませんでした。%1</translation>
    </message>
    <message>
        <source>Kumo could not change the file so that it reads back as intended, so nothing was written; edit the file by hand.</source>
        <translation>意図したとおりに読み直せる形でファイルを変更できなかったため、何も書き込みませんでした。ファイルを直接編集してください。</translation>
    </message>
    <message>
        <source>The inventory file cannot be written; check that you may write it and its directory.</source>
        <translation>構成ファイルに書き込めません。ファイルとそのディレクトリへの書き込み権限を確認してください。</translation>
    </message>
    <message>
        <source>A campus with the id &quot;%1&quot; is already in the inventory; choose it instead of adding it again.</source>
        <translation>ID が「%1」のキャンパスはすでに構成ファイルにあります。追加せずに、そのキャンパスを選んでください。</translation>
    </message>
    <message>
        <source>The inventory file does not exist yet, so the node&apos;s campus is new too: type its name.</source>
        <translation>構成ファイルがまだないため、ノードのキャンパスも新しく追加します。キャンパス名を入力してください。</translation>
    </message>
    <message>
        <source># Kumo inventory: one [[site]] per campus, one [[node]] per libvirt host.
# Kumo&apos;s node dialog changes this file in place and keeps your comments.
# The keys are described in Kumo&apos;s README (&quot;The inventory file&quot;).
</source>
        <translation># Kumo の構成ファイル: キャンパスごとに [[site]]、libvirt ホストごとに [[node]] を 1 つ書きます。
# Kumo のノードダイアログはこのファイルをその場で書き換え、コメントは残します。
# 各キーの説明は Kumo の README（「The inventory file」）にあります。
</translation>
    </message>
    <message>
        <source>The node cannot be written to a new inventory, so nothing was written: %1</source>
        <translation>新しい構成ファイルにノードを書き込めないため、何も書き込んでいません: %1</translation>
    </message>
    <message>
        <source>Cannot create the folder %1.</source>
        <translation>ディレクトリ %1 を作成できません。</translation>
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
        <translation>%1 ミリ秒</translation>
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
        <translation>マイグレーションの空き枠を待っています</translation>
    </message>
    <message>
        <source>Connecting the two nodes</source>
        <translation>移行元と移行先のノードを接続しています</translation>
    </message>
    <message>
        <source>Running on %1; fetching the rest of its memory</source>
        <translation>%1 で実行中です。残りのメモリを転送しています</translation>
    </message>
    <message>
        <source>Remaining grew: the guest is writing memory faster than it moves</source>
        <translation>残りデータ量が増えました: ゲストのメモリ書き換えが転送より速くなっています</translation>
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
        <translation>%1/s</translation>
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
        <translation>この転送回の転送済み / 残り / 合計メモリです</translation>
    </message>
    <message>
        <source>Memory pages the guest changes per second; they must be copied again</source>
        <translation>ゲストが 1 秒間に書き換えるメモリページ数です。書き換えられたページは再転送が必要です</translation>
    </message>
    <message>
        <source>Memory pass: each pass copies what the guest changed during the previous one</source>
        <translation>転送回: 各転送回では、前の転送回の間にゲストが書き換えた分をコピーします</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>インスタンス</translation>
    </message>
    <message>
        <source>From → to</source>
        <translation>移行元 → 移行先</translation>
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
        <translation>メモリ書き換え速度</translation>
    </message>
    <message>
        <source>Pass</source>
        <translation>転送回</translation>
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
        <translation>備考</translation>
    </message>
    <message>
        <source>Transport: %1</source>
        <translation>接続方式: %1</translation>
    </message>
    <message>
        <source>No service probe of %1 answered after the move, for %2.</source>
        <translation>移行後 %2 の間、%1 のサービス監視に応答がありませんでした。</translation>
    </message>
    <message>
        <source>Service gap</source>
        <translation>サービス断時間</translation>
    </message>
    <message numerus="yes">
        <source>The longest stretch in which no service probe of %1 answered, from the start of the move to its first answer after it: %2 (%n check(s) without an answer).</source>
        <translation>
            <numerusform>移行の開始から移行後の最初の応答までに、%1 のサービス監視に応答がなかった最長の時間: %2（応答なし %n 回）</numerusform>
        </translation>
    </message>
    <message>
        <source>The longest stretch without an answer from the instance&apos;s service probes during the move</source>
        <translation>移行中にインスタンスのサービス監視に応答がなかった最長の時間です</translation>
    </message>
    <message>
        <source>measuring…</source>
        <translation>計測中…</translation>
    </message>
    <message>
        <source>no answer after %1</source>
        <translation>%1 経過後も応答なし</translation>
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
        <translation>帯域制限（MiB/s、0 は無制限）:</translation>
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
        <translation>選択したマイグレーションを止めます。インスタンスは移行元で動き続けます</translation>
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
        <translation>インスタンスを今すぐ移行先で動かし、残りのメモリは必要に応じて転送します（ポストコピーを許可して開始したマイグレーションのみ）</translation>
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
        <translation>操作ログのディレクトリを作成できませんでした。アクセス権を確認してください。</translation>
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
    <message>
        <source>The console closed while the migration was running; its result is not known. Look on both nodes for the instance.</source>
        <translation>移行の実行中にコンソールが閉じられたため、結果は不明です。両方のノードでインスタンスを確認してください。</translation>
    </message>
</context>
<context>
    <name>kumo::JsonReader</name>
    <message>
        <source>The field %1 is missing.</source>
        <translation>フィールド %1 がありません。</translation>
    </message>
    <message>
        <source>The field %1 has an invalid value.</source>
        <translation>フィールド %1 の値が正しくありません。</translation>
    </message>
    <message>
        <source>In %1: %2</source>
        <translation>%1: %2</translation>
    </message>
</context>
<context>
    <name>kumo::Lab</name>
    <message>
        <source>Could not make the password node&apos;s SASL database.</source>
        <translation>パスワード認証ノードの SASL データベースを作成できませんでした。</translation>
    </message>
    <message>
        <source>The demo lab needs %1. Install the packages gnutls-bin and sasl2-bin.</source>
        <translation>デモ環境には %1 が必要です。パッケージ gnutls-bin と sasl2-bin をインストールしてください。</translation>
    </message>
    <message>
        <source>Making the lab&apos;s certificates and the password node&apos;s credentials…</source>
        <translation>デモ環境の証明書とパスワード認証ノードの認証情報を作成しています…</translation>
    </message>
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
        <source>Started as root, the demo lab runs its daemons as the user &quot;%1&quot;, which does not exist. Create it with: useradd --system --user-group --home-dir /nonexistent --shell /usr/sbin/nologin %1</source>
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
        <source>The lab&apos;s supervisor process exited unexpectedly.</source>
        <translation>デモ環境の監視プロセスが予期せず終了しました。</translation>
    </message>
    <message>
        <source>The lab&apos;s state file is missing or damaged.</source>
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
    <message>
        <source>The lab&apos;s supervisor is not running.</source>
        <translation>デモ環境の監視プロセスが実行されていません。</translation>
    </message>
    <message>
        <source>The lab&apos;s daemons were not started again in time.</source>
        <translation>デモ環境のデーモンが時間内に再起動しませんでした。</translation>
    </message>
    <message>
        <source>Not a lab directory: a lab lives directly in %1 and is named like a lab id.</source>
        <translation>デモ環境のディレクトリではありません。デモ環境は %1 の直下にあり、デモ環境の ID の形の名前を持ちます。</translation>
    </message>
    <message>
        <source>The lab root %1 is not a directory of this user (or is a symbolic link).</source>
        <translation>デモ環境のルート %1 がこのユーザーのディレクトリではありません（またはシンボリックリンクです）。</translation>
    </message>
    <message>
        <source>Not a lab directory: it is missing, a symbolic link or another user&apos;s.</source>
        <translation>デモ環境のディレクトリではありません。存在しないか、シンボリックリンクか、他のユーザーのものです。</translation>
    </message>
</context>
<context>
    <name>kumo::LabCertificates</name>
    <message>
        <source>Could not create the directory.</source>
        <translation>ディレクトリを作成できませんでした。</translation>
    </message>
    <message>
        <source>Could not write the file.</source>
        <translation>ファイルを書き込めませんでした。</translation>
    </message>
    <message>
        <source>certtool failed.</source>
        <translation>certtool が失敗しました。</translation>
    </message>
</context>
<context>
    <name>kumo::LabCli</name>
    <message>
        <source>&apos;kumo lab up&apos; takes no arguments but --access.</source>
        <translation>&apos;kumo lab up&apos; が受け付ける引数は --access だけです。</translation>
    </message>
    <message>
        <source>Password node: %1, user %2, password %3</source>
        <translation>パスワード認証ノード: %1、ユーザー %2、パスワード %3</translation>
    </message>
    <message>
        <source>Usage: kumo lab supervise LABDIR [--owner PID] [--access]</source>
        <translation>使い方: kumo lab supervise LABDIR [--owner PID] [--access]</translation>
    </message>
    <message>
        <source>Usage: kumo lab COMMAND

Runs a demo lab on this machine: two campuses (Myodaiji and Yamate) with two nodes
each, every node a real libvirtd of its own, and eight small QEMU guests.

Commands:
  up          start a new lab; it keeps running until &apos;kumo lab down&apos;
  up --access the same, but the inventory reaches yamate-02 over TLS with a
              password (shown at start) and marks yamate-01 read-only
  status      show every running lab, its nodes and its instances
  down [ID]   stop the lab ID, or every lab of this user
  --help      show this text
</source>
        <translation>使い方: kumo lab コマンド

このマシン上でデモ環境を動かします: 2 つのキャンパス（明大寺地区と山手地区）に
ノードを 2 台ずつ置き、各ノードは独立した本物の libvirtd で、小さな QEMU ゲストが 8 台動きます。

コマンド:
  up          新しいデモ環境を起動します（&apos;kumo lab down&apos; まで動き続けます）
  up --access 同上。ただし構成ファイルでは yamate-02 に TLS とパスワード（起動時に
              表示）で接続し、yamate-01 を読み取り専用にします
  status      実行中のデモ環境とそのノード、インスタンスを表示します
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
        <source>Could not start the lab: %1</source>
        <translation>デモ環境を起動できませんでした: %1</translation>
    </message>
    <message>
        <source>The lab started in %1 s. Stop it with: kumo lab down %2</source>
        <translation>デモ環境は %1 秒で起動しました。停止するには: kumo lab down %2</translation>
    </message>
    <message>
        <source>&apos;kumo lab status&apos; takes no arguments.</source>
        <translation>&apos;kumo lab status&apos; に引数は指定できません。</translation>
    </message>
    <message>
        <source>No lab is running.</source>
        <translation>実行中のデモ環境はありません。</translation>
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
        <source>&apos;kumo lab down&apos; takes at most one lab id.</source>
        <translation>&apos;kumo lab down&apos; に指定できるデモ環境 ID は 1 つまでです。</translation>
    </message>
    <message>
        <source>Could not stop the lab: %1</source>
        <translation>デモ環境を停止できませんでした: %1</translation>
    </message>
    <message numerus="yes">
        <source>Stopped %n lab(s) in %1 s.</source>
        <translation>
            <numerusform>デモ環境（%n 件）を %1 秒で停止しました。</numerusform>
        </translation>
    </message>
    <message>
        <source>Invalid owner process id: %1</source>
        <translation>所有プロセスの ID が正しくありません: %1</translation>
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
    <message>
        <source>Refusing to supervise %1: %2</source>
        <translation>%1 は監視しません: %2</translation>
    </message>
</context>
<context>
    <name>kumo::LabServices</name>
    <message>
        <source>The stand-in service of %1 could not listen on 127.0.0.1.</source>
        <translation>%1 の代替サービスが 127.0.0.1 で待ち受けできませんでした。</translation>
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
        <source>The demo lab runs its daemons as the user &quot;%1&quot;, which does not exist.</source>
        <translation>デモ環境はデーモンをユーザー「%1」で動かしますが、このユーザーが存在しません。</translation>
    </message>
    <message>
        <source>The lab directory has no migration port assignment.</source>
        <translation>デモ環境のディレクトリにマイグレーション用ポートの割り当てがありません。</translation>
    </message>
    <message>
        <source>Could not open the daemon&apos;s log file.</source>
        <translation>デーモンのログファイルを開けませんでした。</translation>
    </message>
    <message>
        <source>Could not start libvirtd.</source>
        <translation>libvirtd を起動できませんでした。</translation>
    </message>
    <message>
        <source>The node&apos;s libvirtd exited while starting.</source>
        <translation>ノードの libvirtd が起動中に終了しました。</translation>
    </message>
    <message>
        <source>The node&apos;s libvirtd did not start in time.</source>
        <translation>ノードの libvirtd が時間内に起動しませんでした。</translation>
    </message>
    <message>
        <source>Could not give the lab&apos;s file to its daemon user.</source>
        <translation>デモ環境のファイルの所有者をデーモンのユーザーに変更できませんでした。</translation>
    </message>
    <message>
        <source>Could not give the daemon&apos;s log file to its user.</source>
        <translation>デーモンのログファイルの所有者をデーモンのユーザーに変更できませんでした。</translation>
    </message>
</context>
<context>
    <name>kumo::Main</name>
    <message>
        <source>Demo lab %1: the node %2 asks for a password. User: %3, password: %4</source>
        <translation>デモ環境 %1: ノード %2 はパスワードを求めます。ユーザー: %3、パスワード: %4</translation>
    </message>
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
        <source>Use the language &lt;code&gt;: ja or en (default: the system&apos;s).</source>
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
    <message>
        <source>Watch without changing anything: nodes are opened read-only and every action, migration and evacuation is refused. For wall screens and for people who only look.</source>
        <translation>何も変更せずに監視します。ノードを読み取り専用で開き、操作・マイグレーション・退避はすべて拒否します。壁面モニターや閲覧だけの利用者向けです。</translation>
    </message>
    <message>
        <source>Kumo could not be started again with --demo.</source>
        <translation>Kumo を --demo で起動し直せませんでした。</translation>
    </message>
    <message>
        <source>Run `kumo plan|evacuate|return --site ID` to plan, run or undo the evacuation of a campus for a planned outage without a window (see `kumo evacuate --help`). A run keeps going when its terminal goes away (it ignores SIGHUP).</source>
        <translation>`kumo plan|evacuate|return --site ID` で、ウィンドウを開かずに、計画停電に備えたキャンパスの退避の計画・実行と切り戻しを行います（`kumo evacuate --help` を参照）。実行中の処理は端末が閉じても続きます（SIGHUP を無視します）。</translation>
    </message>
    <message>
        <source>kumo %1
libvirt %2, Qt %3
Licence: GPL-3.0-or-later</source>
        <translation>kumo %1
libvirt %2、Qt %3
ライセンス: GPL-3.0-or-later</translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation>このヘルプを表示して終了します。</translation>
    </message>
    <message>
        <source>Show the version of Kumo, libvirt and Qt, and exit.</source>
        <translation>Kumo、libvirt、Qt のバージョンを表示して終了します。</translation>
    </message>
    <message>
        <source>Open the window, paint it once and quit (a check that an installed Kumo starts).</source>
        <translation>ウィンドウを開いて一度描画し、終了します（インストールした Kumo が起動するかの確認用）。</translation>
    </message>
    <message>
        <source>The window could not be shown.</source>
        <translation>ウィンドウを表示できませんでした。</translation>
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
        <source>Force off</source>
        <translation>強制停止</translation>
    </message>
    <message numerus="yes">
        <source>Force off %n instance(s)? This is like pulling the power plug: the guest loses everything it has not written to disk.</source>
        <translation>
            <numerusform>インスタンス %n 台を強制停止しますか？ 電源プラグを抜くのと同じで、ゲストはディスクに書き込んでいない内容をすべて失います。</numerusform>
        </translation>
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
        <translation>%1: 「%2」に失敗しました。</translation>
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
        <source>&amp;Filter…</source>
        <translation>絞り込み(&amp;F)…</translation>
    </message>
    <message>
        <source>Go to &amp;Map</source>
        <translation>マップを表示(&amp;M)</translation>
    </message>
    <message>
        <source>Go to &amp;Nodes</source>
        <translation>ノード一覧を表示(&amp;N)</translation>
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
        <translation>接続済みノード: %1/%2</translation>
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
        <translation>別のノードへ移行(&amp;M)…</translation>
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
    <message>
        <source>&amp;Site</source>
        <translation>キャンパス(&amp;S)</translation>
    </message>
    <message numerus="yes">
        <source>The journal could not be written (%n entries not on record): %1</source>
        <translation>
            <numerusform>操作ログを書き込めませんでした（記録されていない項目: %n 件）: %1</numerusform>
        </translation>
    </message>
    <message>
        <source>The journal could not be written</source>
        <translation>操作ログを書き込めませんでした</translation>
    </message>
    <message>
        <source>What Kumo does is no longer on record. Fix the journal before you go on.</source>
        <translation>Kumo の操作が記録されていません。作業を続ける前に操作ログの問題を解決してください。</translation>
    </message>
    <message>
        <source>&amp;Forget Credentials</source>
        <translation>認証情報を削除(&amp;F)</translation>
    </message>
    <message>
        <source>Add a node</source>
        <translation>ノードの追加</translation>
    </message>
    <message>
        <source>Describe your campuses and nodes in %1. Kumo reads the file as soon as it is saved.</source>
        <translation>キャンパスとノードを %1 に記述してください。保存するとすぐに Kumo が読み込みます。</translation>
    </message>
    <message>
        <source>One [[site]] per campus and one [[node]] per libvirt host, for example:

[[site]]
id = &quot;main&quot;
name = &quot;Main campus&quot;

[[node]]
name = &quot;node-01&quot;
site = &quot;main&quot;
uri = &quot;qemu+ssh://admin@node-01/system&quot;</source>
        <translation>キャンパスごとに [[site]] を、libvirt ホストごとに [[node]] を 1 つずつ書きます。例:

[[site]]
id = &quot;main&quot;
name = &quot;Main campus&quot;

[[node]]
name = &quot;node-01&quot;
site = &quot;main&quot;
uri = &quot;qemu+ssh://admin@node-01/system&quot;</translation>
    </message>
    <message>
        <source>Open Inventory</source>
        <translation>構成ファイルを開く</translation>
    </message>
    <message>
        <source>Inventory (*.toml);;All files (*)</source>
        <translation>構成ファイル (*.toml);;すべてのファイル (*)</translation>
    </message>
    <message>
        <source>Kumo — campus cloud console — Read-only</source>
        <translation>Kumo — キャンパスクラウド コンソール — 読み取り専用</translation>
    </message>
    <message>
        <source>Read-only</source>
        <translation>読み取り専用</translation>
    </message>
    <message>
        <source>Read-only mode (kumo --read-only): Kumo shows the cloud and changes nothing.</source>
        <translation>読み取り専用モード（kumo --read-only）です。クラウドを表示するだけで、何も変更しません。</translation>
    </message>
    <message>
        <source>&amp;Add Node…</source>
        <translation>ノードを追加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Open Inventory…</source>
        <translation>構成ファイルを開く(&amp;O)…</translation>
    </message>
    <message>
        <source>Saved the inventory (node %1).</source>
        <translation>構成ファイルを保存しました（ノード %1）。</translation>
    </message>
    <message>
        <source>%1 runs on one node again.</source>
        <translation>%1 は再び 1 つのノードだけで稼働しています。</translation>
    </message>
    <message>
        <source>Split brain: %1 runs on %2 at the same time. Its actions are locked; use Fix split brain.</source>
        <translation>二重起動: %1 が %2 で同時に稼働しています。操作はロックされています。「二重起動を解消」を使ってください。</translation>
    </message>
    <message>
        <source>Fit Map to &amp;Window</source>
        <translation>マップをウィンドウに合わせる(&amp;W)</translation>
    </message>
    <message>
        <source>Go to In&amp;stances</source>
        <translation>インスタンス一覧を表示(&amp;S)</translation>
    </message>
    <message>
        <source>Fix split &amp;brain…</source>
        <translation>二重起動を解消(&amp;B)…</translation>
    </message>
    <message>
        <source>&lt;p&gt;&lt;b&gt;Kumo %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;A console for a libvirt/KVM cloud spread over campuses: watch nodes and instances, and move instances between campuses live.&lt;/p&gt;&lt;p&gt;libvirt %2, Qt %3&lt;/p&gt;&lt;p&gt;Free software under the GNU General Public License, version 3 or later (GPL-3.0-or-later).&lt;/p&gt;</source>
        <translation>&lt;p&gt;&lt;b&gt;Kumo %1&lt;/b&gt;&lt;/p&gt;&lt;p&gt;複数のキャンパスにまたがる libvirt/KVM クラウドの管理コンソールです。ノードとインスタンスを監視し、インスタンスを止めずにキャンパス間で移行できます。&lt;/p&gt;&lt;p&gt;libvirt %2、Qt %3&lt;/p&gt;&lt;p&gt;GNU 一般公衆利用許諾書（GPL）バージョン 3 以降のもとで配布されるフリーソフトウェアです（GPL-3.0-or-later）。&lt;/p&gt;</translation>
    </message>
    <message>
        <source>unknown</source>
        <translation>不明</translation>
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
        <translation>%1 の移行先</translation>
    </message>
    <message>
        <source>Choose the node that %1 should move to. Nodes that cannot take it are greyed out with the reason.</source>
        <translation>%1 の移行先ノードを選んでください。受け入れられないノードは、理由とともに灰色で表示されます。</translation>
    </message>
    <message>
        <source>Destination nodes</source>
        <translation>移行先ノード</translation>
    </message>
    <message>
        <source>Every check passed.</source>
        <translation>すべての事前チェックで問題ありません。</translation>
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
    <name>kumo::MigrationController</name>
    <message>
        <source>A migration changes both nodes, and %1 is read-only (read_only in the inventory).</source>
        <translation>マイグレーションは移行元と移行先の両方のノードを変更しますが、%1 は読み取り専用です（構成ファイルの read_only）。</translation>
    </message>
    <message>
        <source>The instance no longer exists; it may have been removed.</source>
        <translation>このインスタンスはもう存在しません。削除された可能性があります。</translation>
    </message>
    <message>
        <source>%1 runs on %2 at the same time: stop one copy first (Fix split brain).</source>
        <translation>%1 は %2 で同時に稼働しています。先にどちらかのコピーを停止してください（二重起動を解消）。</translation>
    </message>
    <message>
        <source>%1 is already moving; wait for that migration to end or cancel it.</source>
        <translation>%1 はすでに移行中です。その移行が終わるのを待つか、キャンセルしてください。</translation>
    </message>
    <message>
        <source>%1 has local disks and &quot;Copy local disks to the destination&quot; is off: turn it on to copy them (slower), or move the disks to shared storage first.</source>
        <translation>%1 にはローカルディスクがありますが、「ローカルディスクを移行先にコピーする」がオフです。オンにしてコピーする（時間がかかります）か、先にディスクを共有ストレージに置いてください。</translation>
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
        <translation>移行(&amp;M)</translation>
    </message>
    <message>
        <source> MiB/s</source>
        <translation> MiB/s</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>無制限</translation>
    </message>
    <message>
        <source> ms</source>
        <translation> ミリ秒</translation>
    </message>
    <message>
        <source>libvirt&apos;s default</source>
        <translation>libvirt の既定値</translation>
    </message>
    <message>
        <source>Not set: the destination&apos;s host name</source>
        <translation>未設定（移行先のホスト名を使用）</translation>
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
        <translation>%1 のマイグレーション</translation>
    </message>
    <message numerus="yes">
        <source>Migrate %n instance(s)</source>
        <translation>
            <numerusform>インスタンス %n 台のマイグレーション</numerusform>
        </translation>
    </message>
    <message>
        <source>Checking the guest and the destination…</source>
        <translation>ゲストと移行先をチェックしています…</translation>
    </message>
    <message>
        <source>Asking both nodes&apos; libvirt; the remaining checks appear here when they answer.</source>
        <translation>両方のノードの libvirt に問い合わせています。応答があると残りのチェック結果がここに表示されます。</translation>
    </message>
    <message>
        <source>Cannot migrate: %1</source>
        <translation>移行できません: %1</translation>
    </message>
    <message>
        <source>Can migrate, but read the warnings above.</source>
        <translation>移行できますが、上の警告を確認してください。</translation>
    </message>
    <message>
        <source>Can migrate so far, but read the warnings above; still checking…</source>
        <translation>今のところ移行できますが、上の警告を確認してください。チェックを続けています…</translation>
    </message>
    <message>
        <source>Every check passed.</source>
        <translation>すべての事前チェックで問題ありません。</translation>
    </message>
    <message>
        <source>Nothing refuses the move so far; still checking…</source>
        <translation>今のところ移行を妨げる問題はありません。チェックを続けています…</translation>
    </message>
    <message>
        <source>Automatic</source>
        <translation>自動</translation>
    </message>
    <message>
        <source>Automatic: %1</source>
        <comment>transport</comment>
        <translation>自動: %1</translation>
    </message>
    <message>
        <source>Encrypted (TLS)</source>
        <comment>transport</comment>
        <translation>暗号化（TLS）</translation>
    </message>
    <message>
        <source>Tunnelled through the node connection</source>
        <comment>transport</comment>
        <translation>ノード接続を通るトンネル経由</translation>
    </message>
    <message>
        <source>Unencrypted</source>
        <comment>transport</comment>
        <translation>暗号化なし</translation>
    </message>
</context>
<context>
    <name>kumo::MigrationPath</name>
    <message>
        <source>The node is not in the inventory.</source>
        <translation>このノードは構成ファイルにありません。</translation>
    </message>
    <message>
        <source>TLS migration needs QEMU&apos;s TLS certificates on both nodes (migration_tls = true in the inventory, migrate_tls_x509_cert_dir in the node&apos;s qemu.conf).</source>
        <translation>TLS での移行には、両方のノードに QEMU の TLS 証明書が必要です（構成ファイルの migration_tls = true と、ノードの qemu.conf の migrate_tls_x509_cert_dir）。</translation>
    </message>
    <message>
        <source>The tunnel would cross the destination&apos;s unencrypted connection (%1), and the inventory does not mark this migration network as trusted.</source>
        <translation>トンネルが移行先への暗号化されていない接続（%1）を通ることになり、構成ファイルではこの移行用ネットワークが信頼済みとされていません。</translation>
    </message>
    <message>
        <source>Unencrypted migration is refused: the inventory does not mark the migration network of both nodes as trusted (trusted_migration_network = true).</source>
        <translation>暗号化されない移行は拒否しました。構成ファイルで両方のノードの移行用ネットワークが信頼済み（trusted_migration_network = true）とされていません。</translation>
    </message>
    <message>
        <source>A tunnelled migration needs &quot;peer to peer&quot;: the source daemon carries the data.</source>
        <translation>トンネル経由の移行には「ピアツーピア」が必要です。移行元のデーモンがデータを運びます。</translation>
    </message>
    <message>
        <source>Post-copy does not combine with a tunnelled migration.</source>
        <translation>ポストコピーはトンネル経由の移行と併用できません。</translation>
    </message>
    <message>
        <source>Copying local disks does not combine with a tunnelled migration.</source>
        <translation>ローカルディスクのコピーはトンネル経由の移行と併用できません。</translation>
    </message>
    <message>
        <source>chosen from the inventory</source>
        <translation>構成ファイルに従って選択</translation>
    </message>
    <message>
        <source>encrypted (TLS)</source>
        <translation>暗号化（TLS）</translation>
    </message>
    <message>
        <source>tunnelled through the node connection</source>
        <translation>ノード接続を通るトンネル経由</translation>
    </message>
    <message>
        <source>unencrypted — allowed by the inventory</source>
        <translation>暗号化なし（構成ファイルで許可）</translation>
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
    <message>
        <source>The abort was sent, but the migration did not end within %1 s (a node is not answering); Kumo stopped waiting. It may still end either way: the map shows where %2 runs once %3 and %4 answer, and the journal records the outcome when it comes.</source>
        <translation>中止を要求しましたが、移行が %1 秒以内に終わりませんでした（応答しないノードがあります）。Kumo は待つのをやめました。移行はまだどちらの結果にもなり得ます。%3 と %4 が応答すれば %2 がどこで実行中かをマップに表示し、結果が届いた時点で操作ログに記録します。</translation>
    </message>
</context>
<context>
    <name>kumo::MigrationRunner</name>
    <message>
        <source>The migration of %1 was cancelled. The instance keeps running on %2.</source>
        <translation>%1 のマイグレーションをキャンセルしました。インスタンスは %2 で動き続けています。</translation>
    </message>
    <message>
        <source>%1 could not be moved from %2 to %3. It stays on %2; the details give libvirt&apos;s reason.</source>
        <translation>%1 を %2 から %3 へ移行できませんでした。%2 に残っています。理由は詳細（libvirt の報告）を参照してください。</translation>
    </message>
    <message>
        <source>No migration is running for this instance.</source>
        <translation>このインスタンスのマイグレーションは実行されていません。</translation>
    </message>
    <message>
        <source>Post-copy was not allowed when this migration started, so it cannot switch to post-copy.</source>
        <translation>このマイグレーションはポストコピーを許可せずに開始したため、ポストコピーに切り替えられません。</translation>
    </message>
    <message>
        <source>The connection to libvirtd on %2, the source, was lost while %1 was moving to %3, so the outcome is not known. Where %1 runs is shown once both nodes answer again.</source>
        <translation>%1 を %3 へ移行している途中で移行元 %2 の libvirtd との接続が失われたため、移行の結果は不明です。両方のノードが再び応答すると、%1 が実行されているノードが表示されます。</translation>
    </message>
</context>
<context>
    <name>kumo::MigrationUiController</name>
    <message>
        <source>Cannot move %1 to %2: %3</source>
        <translation>%1 を %2 へ移行できません: %3</translation>
    </message>
    <message>
        <source>Moving %1 from %2 to %3.</source>
        <translation>%1 を %2 から %3 へ移行しています。</translation>
    </message>
</context>
<context>
    <name>kumo::MonitoringController</name>
    <message>
        <source>%1 crashed on %2 (libvirt: %3).</source>
        <translation>%1 が %2 でクラッシュしました（libvirt: %3）。</translation>
    </message>
    <message>
        <source>%1 on %2 hit a disk I/O error on %3 (%4); action: %5, reason: %6.</source>
        <translation>%2 の %1 で %3（%4）のディスク I/O エラーが発生しました。動作: %5、理由: %6</translation>
    </message>
    <message>
        <source>%1 on %2 was paused by a disk I/O error.</source>
        <translation>%2 の %1 はディスク I/O エラーのため一時停止しました。</translation>
    </message>
    <message>
        <source>The watchdog of %1 on %2 fired; action: %3.</source>
        <translation>%2 の %1 でウォッチドッグが発動しました。動作: %3</translation>
    </message>
    <message>
        <source>Migrating %1 from %2 to %3 failed: %4</source>
        <translation>%1 の %2 から %3 への移行に失敗しました: %4</translation>
    </message>
</context>
<context>
    <name>kumo::MonitoringTableModel</name>
    <message>
        <source>Severity</source>
        <translation>重要度</translation>
    </message>
    <message>
        <source>Campus</source>
        <translation>キャンパス</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>ノード</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>インスタンス</translation>
    </message>
</context>
<context>
    <name>kumo::MonitoringUiController</name>
    <message>
        <source>Kumo: no alerts</source>
        <translation>Kumo: アラートなし</translation>
    </message>
    <message numerus="yes">
        <source>Kumo: %n alert(s) not acknowledged</source>
        <translation>
            <numerusform>Kumo: 未確認のアラート %n 件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kumo::NodeAddress</name>
    <message>
        <source>The %1 transport connects to another machine: enter its host name or address.</source>
        <translation>接続方式 %1 は別のマシンに接続します。ホスト名またはアドレスを入力してください。</translation>
    </message>
    <message>
        <source>&quot;%1&quot; is not a host name or an IP address; use letters, digits, &quot;.&quot; and &quot;-&quot; (or an IPv6 address).</source>
        <translation>「%1」はホスト名でも IP アドレスでもありません。英数字、「.」、「-」を使ってください（または IPv6 アドレス）。</translation>
    </message>
    <message>
        <source>The local transport connects to this machine: leave the host empty or choose a remote transport.</source>
        <translation>ローカル接続はこのマシンに接続します。ホストを空にするか、リモートの接続方式を選んでください。</translation>
    </message>
    <message>
        <source>A user name is only used by a remote transport: leave it empty for a local connection.</source>
        <translation>ユーザー名はリモートの接続方式でのみ使います。ローカル接続では空にしてください。</translation>
    </message>
    <message>
        <source>A port is only used by a remote transport: leave it empty for a local connection.</source>
        <translation>ポートはリモートの接続方式でのみ使います。ローカル接続では空にしてください。</translation>
    </message>
    <message>
        <source>The user name must not contain spaces.</source>
        <translation>ユーザー名に空白は使えません。</translation>
    </message>
    <message>
        <source>The port must be between 1 and 65535 (or empty for the default).</source>
        <translation>ポートは 1〜65535 で指定してください（既定値を使う場合は空にします）。</translation>
    </message>
    <message>
        <source>The path must be /system (the system daemon) or /session (a user&apos;s own daemon).</source>
        <translation>パスは /system（システムのデーモン）または /session（ユーザー自身のデーモン）にしてください。</translation>
    </message>
    <message>
        <source>A key file is only used by the ssh and libssh transports; the %1 transport ignores it.</source>
        <translation>鍵ファイルは接続方式 ssh と libssh でのみ使います。接続方式 %1 では無視されます。</translation>
    </message>
    <message>
        <source>local</source>
        <comment>transport</comment>
        <translation>ローカル</translation>
    </message>
    <message>
        <source>A known_hosts file is only read by the libssh transport (ssh uses OpenSSH&apos;s own settings).</source>
        <translation>known_hosts ファイルを読むのは接続方式 libssh だけです（ssh は OpenSSH 自身の設定を使います）。</translation>
    </message>
    <message>
        <source>no_verify only applies to the tls, ssh and libssh transports.</source>
        <translation>no_verify は接続方式 tls、ssh、libssh でのみ有効です。</translation>
    </message>
</context>
<context>
    <name>kumo::NodeCardItem</name>
    <message>
        <source>Maintenance</source>
        <comment>node state</comment>
        <translation>メンテナンス中</translation>
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
        <translation>
            <numerusform>インスタンス %n 台（実行中 %1 台）</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>In maintenance: takes no new instances.</source>
        <translation>メンテナンス中: 新しいインスタンスを受け入れません。</translation>
    </message>
    <message>
        <source>Host: %1</source>
        <translation>ホスト: %1</translation>
    </message>
    <message numerus="yes">
        <source>%n CPU(s), %1</source>
        <translation>
            <numerusform>%n CPU、%1</numerusform>
        </translation>
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
        <translation>ここへ移行できます</translation>
    </message>
    <message>
        <source>Can move here, with warnings</source>
        <translation>ここへ移行できます（警告あり）</translation>
    </message>
    <message>
        <source>Cannot move here</source>
        <translation>ここへは移行できません</translation>
    </message>
    <message>
        <source>%1 (still checking…)</source>
        <translation>%1（チェック中…）</translation>
    </message>
</context>
<context>
    <name>kumo::NodeDialog</name>
    <message>
        <source>Add Node</source>
        <translation>ノードを追加</translation>
    </message>
    <message>
        <source>Edit Node %1</source>
        <translation>ノード %1 を編集</translation>
    </message>
    <message>
        <source>e.g. myodaiji-kvm3</source>
        <translation>例: myodaiji-kvm3</translation>
    </message>
    <message>
        <source>&amp;Name:</source>
        <translation>名前(&amp;N):</translation>
    </message>
    <message>
        <source>&amp;Campus:</source>
        <translation>キャンパス(&amp;C):</translation>
    </message>
    <message>
        <source>SSH (OpenSSH)</source>
        <translation>SSH（OpenSSH）</translation>
    </message>
    <message>
        <source>libssh (built into libvirt)</source>
        <translation>libssh（libvirt 内蔵）</translation>
    </message>
    <message>
        <source>TLS (certificates)</source>
        <translation>TLS（証明書）</translation>
    </message>
    <message>
        <source>TCP (unencrypted)</source>
        <translation>TCP（暗号化なし）</translation>
    </message>
    <message>
        <source>Local (this machine)</source>
        <translation>ローカル（このマシン）</translation>
    </message>
    <message>
        <source>Advanced: URI as text</source>
        <translation>詳細: URI を直接入力</translation>
    </message>
    <message>
        <source>&amp;Transport:</source>
        <translation>接続方式(&amp;T):</translation>
    </message>
    <message>
        <source>host name or IP address</source>
        <translation>ホスト名または IP アドレス</translation>
    </message>
    <message>
        <source>&amp;Host:</source>
        <translation>ホスト(&amp;H):</translation>
    </message>
    <message>
        <source>as configured for ssh</source>
        <translation>ssh の設定に従う</translation>
    </message>
    <message>
        <source>&amp;User:</source>
        <translation>ユーザー(&amp;U):</translation>
    </message>
    <message>
        <source>default</source>
        <translation>既定</translation>
    </message>
    <message>
        <source>&amp;Port:</source>
        <translation>ポート(&amp;P):</translation>
    </message>
    <message>
        <source>/system (system daemon)</source>
        <translation>/system（システムのデーモン）</translation>
    </message>
    <message>
        <source>/session (user&apos;s own daemon)</source>
        <translation>/session（ユーザー自身のデーモン）</translation>
    </message>
    <message>
        <source>optional, e.g. ~/.ssh/id_ed25519</source>
        <translation>省略可。例: ~/.ssh/id_ed25519</translation>
    </message>
    <message>
        <source>&amp;Key file:</source>
        <translation>鍵ファイル(&amp;K):</translation>
    </message>
    <message>
        <source>optional (libssh only)</source>
        <translation>省略可（libssh のみ）</translation>
    </message>
    <message>
        <source>Do not &amp;verify the node&apos;s identity (no_verify)</source>
        <translation>ノードの正当性を検証しない（no_verify）(&amp;V)</translation>
    </message>
    <message>
        <source>Warning: with no_verify Kumo cannot tell the real node from an impostor on the network, so it counts as an insecure connection and needs &quot;Allow insecure connection&quot; below.</source>
        <translation>警告: no_verify では本物のノードとネットワーク上のなりすましを区別できません。そのため安全でない接続として扱われ、下の「安全でない接続を許可」が必要です。</translation>
    </message>
    <message>
        <source>&amp;Allow insecure connection (trusted network only)</source>
        <translation>安全でない接続を許可（信頼できるネットワークのみ）(&amp;A)</translation>
    </message>
    <message>
        <source>&amp;Read-only: monitor, never change</source>
        <translation>読み取り専用: 監視のみで変更しない(&amp;R)</translation>
    </message>
    <message>
        <source>Connects to:</source>
        <translation>接続先:</translation>
    </message>
    <message>
        <source>Enter a name for the node.</source>
        <translation>ノードの名前を入力してください。</translation>
    </message>
    <message>
        <source>A node named &quot;%1&quot; is already in the inventory; choose another name.</source>
        <translation>ノード「%1」はすでに構成ファイルにあります。別の名前を選んでください。</translation>
    </message>
    <message>
        <source>Enter the node&apos;s libvirt URI.</source>
        <translation>ノードの libvirt URI を入力してください。</translation>
    </message>
    <message>
        <source>%1 Kumo refuses such a connection unless &quot;Allow insecure connection&quot; is ticked; tick it only for a network you trust, or choose ssh or tls.</source>
        <translation>%1 「安全でない接続を許可」をオンにしない限り、この接続は拒否されます。信頼できるネットワークの場合だけオンにするか、ssh または tls を選んでください。</translation>
    </message>
    <message>
        <source>Connecting read-only to %1…</source>
        <translation>%1 に読み取り専用で接続しています…</translation>
    </message>
    <message>
        <source>Connecting to %1…</source>
        <translation>%1 に接続しています…</translation>
    </message>
    <message>
        <source>The connection failed: %1</source>
        <translation>接続できませんでした。%1</translation>
    </message>
    <message>
        <source>Connected to %1.</source>
        <translation>%1 に接続できました。</translation>
    </message>
    <message>
        <source>libvirt %1, %2 %3</source>
        <translation>libvirt %1、%2 %3</translation>
    </message>
    <message>
        <source>CPUs: %1 (%2)</source>
        <translation>CPU 数: %1（%2）</translation>
    </message>
    <message>
        <source>model unknown</source>
        <translation>モデル不明</translation>
    </message>
    <message>
        <source>Memory: %1</source>
        <translation>メモリ: %1</translation>
    </message>
    <message>
        <source>Opened read-only.</source>
        <translation>読み取り専用で接続しました。</translation>
    </message>
    <message>
        <source>&amp;Daemon:</source>
        <translation>デーモン(&amp;D):</translation>
    </message>
    <message>
        <source>Known h&amp;osts file:</source>
        <translation>known_hosts ファイル(&amp;O):</translation>
    </message>
    <message>
        <source>UR&amp;I:</source>
        <translation>URI(&amp;I):</translation>
    </message>
    <message>
        <source>Te&amp;st Connection</source>
        <translation>接続をテスト(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Migration TLS (QEMU has migration certificates)</source>
        <translation>マイグレーション TLS（QEMU に移行用の証明書あり）(&amp;M)</translation>
    </message>
    <message>
        <source>e.g. Myodaiji</source>
        <translation>例: 明大寺地区</translation>
    </message>
    <message>
        <source>Choose the campus the node belongs to, or type the name of a new one.</source>
        <translation>ノードが属するキャンパスを選ぶか、新しいキャンパスの名前を入力してください。</translation>
    </message>
    <message>
        <source>A new campus &quot;%1&quot; is added to the inventory with this node.</source>
        <translation>このノードと一緒に、新しいキャンパス「%1」を構成ファイルに追加します。</translation>
    </message>
</context>
<context>
    <name>kumo::NodeSession</name>
    <message>
        <source>This node&apos;s backend does not report facts about one copy of an instance.</source>
        <translation>このノードのバックエンドは、インスタンスの個々のコピーについての情報を報告しません。</translation>
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
        <translation>定義済み %1 台、実行中 %2 台</translation>
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
        <translation>
            <numerusform>%1。%n 秒後に再接続します。</numerusform>
        </translation>
    </message>
    <message>
        <source>In maintenance: takes no new instances. Connection: %1</source>
        <translation>メンテナンス中: 新しいインスタンスを受け入れません。接続: %1</translation>
    </message>
    <message>
        <source>Insecure connection, allowed by allow_insecure in the inventory: %1</source>
        <translation>安全でない接続です（構成ファイルの allow_insecure で許可）: %1</translation>
    </message>
</context>
<context>
    <name>kumo::NodeUiController</name>
    <message>
        <source>&amp;Node</source>
        <translation>ノード(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Add Node…</source>
        <translation>ノードを追加(&amp;A)…</translation>
    </message>
    <message>
        <source>&amp;Edit Node…</source>
        <translation>ノードを編集(&amp;E)…</translation>
    </message>
    <message>
        <source>&amp;Remove Node</source>
        <translation>ノードを削除(&amp;R)</translation>
    </message>
    <message>
        <source>Available when the inventory comes from a file.</source>
        <translation>構成ファイルから読み込んでいるときに使えます。</translation>
    </message>
    <message>
        <source>Add a node to the inventory file.</source>
        <translation>構成ファイルにノードを追加します。</translation>
    </message>
    <message>
        <source>Change how Kumo reaches the selected node.</source>
        <translation>選択したノードへの接続方法を変更します。</translation>
    </message>
    <message>
        <source>Remove the selected node from the inventory file.</source>
        <translation>選択したノードを構成ファイルから削除します。</translation>
    </message>
    <message>
        <source>Remove Node</source>
        <translation>ノードを削除</translation>
    </message>
    <message>
        <source>Remove the node &quot;%1&quot; from the inventory?

Its instances stay where they are and keep running; Kumo only stops watching the node. Comments in the inventory file are kept.</source>
        <translation>ノード「%1」を構成ファイルから削除しますか？

インスタンスはそのままの場所で動き続けます。Kumo がこのノードを監視しなくなるだけです。構成ファイルのコメントは残ります。</translation>
    </message>
    <message>
        <source>The inventory was not changed</source>
        <translation>構成ファイルは変更されませんでした</translation>
    </message>
</context>
<context>
    <name>kumo::OutageCli</name>
    <message numerus="yes">
        <source>%n journal entries could not be written: what they say is not on record.</source>
        <translation>
            <numerusform>操作ログの %n 件の項目を書き込めませんでした。その内容は記録されていません。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>--%1 takes a number from %2 to %3, not &quot;%4&quot;.</source>
        <translation>--%1 には %2 から %3 までの数値を指定してください（指定値: 「%4」）。</translation>
    </message>
    <message>
        <source>Plan, run and undo the evacuation of a campus before its planned outage.</source>
        <translation>計画停電に備えたキャンパスの退避の計画・実行と、切り戻しを行います。</translation>
    </message>
    <message>
        <source>The campus &lt;id&gt; (required).</source>
        <translation>対象のキャンパス &lt;id&gt;（必須）。</translation>
    </message>
    <message>
        <source>id</source>
        <translation>id</translation>
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
        <source>Check every move with the full pre-flight checks; move nothing.</source>
        <translation>すべての移行を完全な事前チェックで確認します。移行は行いません。</translation>
    </message>
    <message>
        <source>Migrations at once in all, 1 to %1.</source>
        <translation>全体の同時マイグレーション数（1〜%1）。</translation>
    </message>
    <message>
        <source>n</source>
        <translation>n</translation>
    </message>
    <message>
        <source>Migrations at once between one pair of campuses.</source>
        <translation>キャンパス 1 組の間の同時マイグレーション数。</translation>
    </message>
    <message>
        <source>Bandwidth cap per migration in MiB/s (0: none).</source>
        <translation>マイグレーションごとの帯域制限（MiB/s、0: 制限なし）。</translation>
    </message>
    <message>
        <source>mib</source>
        <translation>mib</translation>
    </message>
    <message>
        <source>What to do when a move fails: ask (stops here), retry or skip (default: ask).</source>
        <translation>移行に失敗したときの動作: ask（そこで停止）、retry、skip のいずれか（既定: ask）。</translation>
    </message>
    <message>
        <source>policy</source>
        <translation>policy</translation>
    </message>
    <message>
        <source>Memory and vCPUs kept free on every target node, in percent.</source>
        <translation>各移行先ノードで空けておくメモリと vCPU の割合（%）。</translation>
    </message>
    <message>
        <source>percent</source>
        <translation>percent</translation>
    </message>
    <message>
        <source>Go on even when some instances have no place (they stay where they are).</source>
        <translation>移行先のないインスタンスがあっても続行します（それらは現在の場所に残ります）。</translation>
    </message>
    <message>
        <source>Write the report of the run as CSV to &lt;file&gt;.</source>
        <translation>実行結果のレポートを CSV 形式で &lt;file&gt; に書き出します。</translation>
    </message>
    <message>
        <source>Keep the outage state files (and the journal) in &lt;dir&gt; (default: %1).</source>
        <translation>停電対応の状態ファイル（と操作ログ）を &lt;dir&gt; に保存します（既定: %1）。</translation>
    </message>
    <message>
        <source>dir</source>
        <translation>dir</translation>
    </message>
    <message>
        <source>plan, evacuate or return</source>
        <translation>plan、evacuate、return のいずれか</translation>
    </message>
    <message>
        <source>Unexpected argument: %1</source>
        <translation>余分な引数です: %1</translation>
    </message>
    <message>
        <source>Say which campus with --site ID.</source>
        <translation>--site ID でキャンパスを指定してください。</translation>
    </message>
    <message>
        <source>--on-failure takes ask, retry or skip, not &quot;%1&quot;.</source>
        <translation>--on-failure には ask、retry、skip のいずれかを指定してください（指定値: 「%1」）。</translation>
    </message>
    <message>
        <source>Interrupted: cancelling the running moves, the instances stay where they are…</source>
        <translation>中断しました: 実行中の移行をキャンセルしています。インスタンスは現在の場所に残ります…</translation>
    </message>
    <message>
        <source>The outage state could not be written: %1</source>
        <translation>停電対応の状態を書き込めませんでした: %1</translation>
    </message>
    <message>
        <source>no answer yet</source>
        <translation>まだ応答がありません</translation>
    </message>
    <message>
        <source>Node %1 is not reachable: %2</source>
        <translation>ノード %1 に接続できません: %2</translation>
    </message>
    <message>
        <source>Not every node answered within %1 s; planning with what is known.</source>
        <translation>%1 秒以内に応答しなかったノードがあります。現在わかっている情報で計画します。</translation>
    </message>
    <message numerus="yes">
        <source>Evacuation plan for %1: %n move(s), %2</source>
        <translation>
            <numerusform>%1 の退避計画: 移行 %n 件、%2</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Return plan for %1: %n move(s), %2</source>
        <translation>
            <numerusform>%1 の切り戻し計画: 移行 %n 件、%2</numerusform>
        </translation>
    </message>
    <message>
        <source>Limits: %1 at once, %2 per pair of campuses, bandwidth %3</source>
        <translation>制限: 同時 %1 件、キャンパス 1 組あたり %2 件、帯域 %3</translation>
    </message>
    <message>
        <source>%1 MiB/s</source>
        <translation>%1 MiB/s</translation>
    </message>
    <message>
        <source>unlimited</source>
        <translation>無制限</translation>
    </message>
    <message>
        <source>%1. %2: %3 → %4, %5</source>
        <translation>%1. %2: %3 → %4、%5</translation>
    </message>
    <message>
        <source> (%1)</source>
        <translation>（%1）</translation>
    </message>
    <message numerus="yes">
        <source>Not placed: %n instance(s)</source>
        <translation>
            <numerusform>配置先なし: インスタンス %n 台</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 on %2, %3: %4 [%5]</source>
        <translation>%1（%2、%3）: %4 [%5]</translation>
    </message>
    <message>
        <source>Problem: %1</source>
        <translation>問題: %1</translation>
    </message>
    <message>
        <source>The plan leaves instances behind (see &quot;Not placed&quot;); free capacity, lower --headroom, or pass --allow-unplaced to go on without them.</source>
        <translation>この計画では移行できないインスタンスが残ります（「配置先なし」を参照）。容量を空けるか、--headroom を下げるか、--allow-unplaced を指定してそれらを残したまま続行してください。</translation>
    </message>
    <message>
        <source>Pre-flight %1 → %2: %3%4</source>
        <translation>事前チェック %1 → %2: %3%4</translation>
    </message>
    <message numerus="yes">
        <source>The dry run refused %n move(s).</source>
        <translation>
            <numerusform>ドライランで %n 件の移行が不可と判定されました。</numerusform>
        </translation>
    </message>
    <message>
        <source>Dry run passed: every move can go.</source>
        <translation>ドライラン: 問題ありません。すべての移行を実行できます。</translation>
    </message>
    <message>
        <source>Could not write the report to %1: %2</source>
        <translation>レポートを %1 に書き出せませんでした: %2</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>レポートを %1 に書き出しました</translation>
    </message>
    <message>
        <source>Stopped. Run the same command again to resume.</source>
        <translation>停止しました。再開するには同じコマンドをもう一度実行してください。</translation>
    </message>
    <message>
        <source>The run stopped before every instance moved. Run the same command again to resume.</source>
        <translation>すべてのインスタンスを移行する前に停止しました。再開するには同じコマンドをもう一度実行してください。</translation>
    </message>
    <message>
        <source>%1 is evacuated (%2): this is the plan to bring its instances home.</source>
        <translation>%1 は退避済みです（%2）。以下は切り戻しの計画です。</translation>
    </message>
    <message>
        <source>The return of %1 did not finish; run `kumo return --site %2` to resume it.</source>
        <translation>%1 の切り戻しが完了していません。再開するには `kumo return --site %2` を実行してください。</translation>
    </message>
    <message>
        <source>Resuming the unfinished evacuation of %1 (%2).</source>
        <translation>%1 の未完了の退避を再開します（%2）。</translation>
    </message>
    <message>
        <source>No planned outage of %1 is recorded in %2.</source>
        <translation>%2 に %1 の計画停電は記録されていません。</translation>
    </message>
    <message>
        <source>Resuming the unfinished return to %1 (%2).</source>
        <translation>%1 への未完了の切り戻しを再開します（%2）。</translation>
    </message>
    <message>
        <source>Unknown command: %1</source>
        <translation>不明なコマンドです: %1</translation>
    </message>
    <message>
        <source>Cannot read the inventory: %1</source>
        <translation>構成ファイルを読み込めません: %1</translation>
    </message>
    <message>
        <source>Unknown site &quot;%1&quot;. Known sites: %2</source>
        <translation>キャンパス「%1」は不明です。定義済みのキャンパス: %2</translation>
    </message>
    <message>
        <source>The journal could not be written: %1</source>
        <translation>操作ログを書き込めませんでした: %1</translation>
    </message>
    <message>
        <source>Connect read-only and change nothing: plan and --dry-run work, a run is refused.</source>
        <translation>読み取り専用で接続し、何も変更しません。plan と --dry-run は使えますが、実行は拒否します。</translation>
    </message>
    <message>
        <source>Left without waiting for the running moves; they may still finish. Run the same command again to resume: it checks where every instance is first.</source>
        <translation>実行中の移行を待たずに終了しました。移行はこのあと完了することがあります。再開するには同じコマンドをもう一度実行してください（最初に各インスタンスの所在を確認します）。</translation>
    </message>
    <message>
        <source>The nodes refused part of the plan; the plan that was checked:</source>
        <translation>計画の一部がノードに拒否されました。チェックした計画は次のとおりです:</translation>
    </message>
    <message>
        <source>Read-only: the moves were not checked with the nodes.</source>
        <translation>読み取り専用のため、移行をノードでチェックしていません。</translation>
    </message>
    <message>
        <source>A run keeps going when its terminal goes away (SIGHUP is ignored: a dropped SSH session stops nothing); Ctrl+C or SIGTERM stops it, resumable, and a second Ctrl+C leaves at once without waiting for the running moves (exit code 130). One process at a time runs a campus&apos;s outage: a second one is refused (exit code 5) and names the first.</source>
        <translation>実行中の処理は端末が閉じても続きます（SIGHUP は無視するため、SSH 接続が切れても止まりません）。Ctrl+C または SIGTERM で停止し、後で再開できます。もう一度 Ctrl+C を押すと、実行中の移行を待たずにすぐ終了します（終了コード 130）。1 つのキャンパスの停電対応を実行できるのは一度に 1 つのプロセスだけです。2 つ目は拒否され（終了コード 5）、実行中のプロセスを表示します。</translation>
    </message>
    <message numerus="yes">
        <source>Warning: the service of %n instance(s) did not answer after the evacuation moved them: %1. The return goes on; check these services.</source>
        <translation>
            <numerusform>警告: 退避の移行後、%n 台のインスタンスのサービスが応答しませんでした: %1。切り戻しは続行します。これらのサービスを確認してください。</numerusform>
        </translation>
    </message>
    <message>
        <source>Show this help and exit.</source>
        <translation>このヘルプを表示して終了します。</translation>
    </message>
</context>
<context>
    <name>kumo::OutageDryRun</name>
    <message>
        <source>%1 is in maintenance for the outage; starting the return ends it.</source>
        <translation>%1 は計画停電のためメンテナンス中です。切り戻しを開始すると解除されます。</translation>
    </message>
</context>
<context>
    <name>kumo::OutageDryRunPage</name>
    <message>
        <source>Every check passed.</source>
        <translation>すべての事前チェックで問題ありません。</translation>
    </message>
    <message>
        <source>Dry run</source>
        <translation>ドライラン</translation>
    </message>
    <message>
        <source>Every move is checked as a single migration would be, with facts from both nodes. Nothing moves yet.</source>
        <translation>各移行を、単独のマイグレーションと同じく両方のノードの情報を使ってチェックします。まだ何も移行しません。</translation>
    </message>
    <message>
        <source>&amp;Check again</source>
        <translation>再チェック(&amp;C)</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>インスタンス</translation>
    </message>
    <message>
        <source>To</source>
        <translation>移行先</translation>
    </message>
    <message>
        <source>Verdict</source>
        <translation>判定</translation>
    </message>
    <message>
        <source>Reasons</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>Dry run results</source>
        <translation>ドライランの結果</translation>
    </message>
    <message>
        <source>Dry run in progress</source>
        <translation>ドライランの進捗</translation>
    </message>
    <message numerus="yes">
        <source>Checking %n move(s)…</source>
        <translation>
            <numerusform>%n 件の移行をチェックしています…</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n move(s) would be refused. Go back and choose other targets, or fix the cause and check again.</source>
        <translation>
            <numerusform>%n 件の移行は実行できません。前に戻って別の移行先を選ぶか、原因を取り除いてから再チェックしてください。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>Every move can go ahead (%n checked).</source>
        <translation>
            <numerusform>すべての移行を実行できます（%n 件をチェック）。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kumo::OutageExecution</name>
    <message>
        <source>Evacuation of %1</source>
        <translation>%1 の退避</translation>
    </message>
    <message>
        <source>Return to %1</source>
        <translation>%1 への切り戻し</translation>
    </message>
    <message>
        <source>%1 already runs on %2</source>
        <translation>%1 はすでに %2 で実行中です</translation>
    </message>
    <message>
        <source>%1 is not seen on any node; it may have been removed.</source>
        <translation>%1 がどのノードにも見つかりません。削除された可能性があります。</translation>
    </message>
    <message>
        <source>%1: %2 → %3 started</source>
        <translation>%1: %2 → %3 の移行を開始しました</translation>
    </message>
    <message>
        <source>%1: %2 → %3 failed: %4</source>
        <translation>%1: %2 → %3 の移行に失敗しました: %4</translation>
    </message>
    <message>
        <source>%1: trying again (attempt %2 of %3)</source>
        <translation>%1: 再試行します（%3 回中 %2 回目）</translation>
    </message>
    <message>
        <source>%1: %2 → %3 done in %4 s, downtime %5 ms</source>
        <translation>%1: %2 → %3 の移行が完了しました（所要時間 %4 秒、停止時間 %5 ミリ秒）</translation>
    </message>
    <message>
        <source>%1: %2 → %3 done in %4 s</source>
        <translation>%1: %2 → %3 の移行が完了しました（所要時間 %4 秒）</translation>
    </message>
    <message>
        <source>%1: cancelled, it stays on %2</source>
        <translation>%1: キャンセルしました。%2 に残ります</translation>
    </message>
    <message>
        <source>%1 finished: %2 moved, %3 failed in %4 s</source>
        <translation>%1 が完了しました: 移行 %2 件、失敗 %3 件、所要時間 %4 秒</translation>
    </message>
    <message>
        <source>%1 stopped: %2 moved, %3 not moved; resume to continue.</source>
        <translation>%1 を中断しました: 移行済み %2 件、未移行 %3 件。続けるには再開してください。</translation>
    </message>
    <message>
        <source>%1: resuming, looking first where every instance is now</source>
        <translation>%1: 再開します。まず各インスタンスの現在の場所を確認しています</translation>
    </message>
    <message>
        <source>%1 reached %2 while the console was away</source>
        <translation>%1 はコンソールが起動していない間に %2 への移行を完了しました</translation>
    </message>
    <message>
        <source>%1 paused: running moves finish, no new one starts</source>
        <translation>%1 を一時停止しました: 実行中の移行は最後まで続け、新しい移行は開始しません</translation>
    </message>
    <message numerus="yes">
        <source>%1: abort requested, cancelling %n running move(s)</source>
        <translation>
            <numerusform>%1: 中止が要求されました。実行中の %n 件の移行をキャンセルしています</numerusform>
        </translation>
    </message>
    <message>
        <source>No run is in progress.</source>
        <translation>実行中の処理はありません。</translation>
    </message>
    <message>
        <source>The new limits could not be recorded.</source>
        <translation>新しい制限を記録できませんでした。</translation>
    </message>
    <message>
        <source>%1: %2 refused it; re-planned onto %3. %4</source>
        <translation>%1: %2 が拒否したため、移行先を %3 に計画し直しました。%4</translation>
    </message>
    <message>
        <source>%1: nothing is left to resume; the run was finished elsewhere.</source>
        <translation>%1: 再開できるものは残っていません。別のプロセスで完了しています。</translation>
    </message>
    <message>
        <source>%1: service answered after the move, gap %2 s</source>
        <translation>%1: 移行後にサービスが応答しました（サービス断時間 %2 秒）</translation>
    </message>
    <message>
        <source>%1: service did not answer after the move (no answer for %2 s)</source>
        <translation>%1: 移行後にサービスが応答しませんでした（%2 秒間応答なし）</translation>
    </message>
    <message numerus="yes">
        <source>%1 started: %n move(s)</source>
        <translation>
            <numerusform>%1 を開始しました: 移行 %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 resumed: %n move(s) to go</source>
        <translation>
            <numerusform>%1 を再開しました: 残りの移行 %n 件</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kumo::OutageLockOwner</name>
    <message>
        <source>%1 (process %2 on %3, since %4)</source>
        <translation>%1（%3 のプロセス %2、%4 から）</translation>
    </message>
    <message>
        <source>an unknown host</source>
        <translation>不明なホスト</translation>
    </message>
    <message>
        <source>an unknown time</source>
        <translation>不明な時刻</translation>
    </message>
    <message>
        <source>yyyy-MM-dd HH:mm:ss &apos;UTC&apos;</source>
        <translation>yyyy/MM/dd HH:mm:ss &apos;UTC&apos;</translation>
    </message>
</context>
<context>
    <name>kumo::OutagePanel</name>
    <message>
        <source>The outage state file could not be written, so the run stopped: %1</source>
        <translation>停電対応の状態ファイルを書き込めなかったため、処理を中断しました: %1</translation>
    </message>
    <message>
        <source>%1 of %2 moved</source>
        <translation>%2 台中 %1 台を移行済み</translation>
    </message>
    <message>
        <source>Data: %1 of %2</source>
        <translation>データ量: %1 / %2</translation>
    </message>
    <message>
        <source>Elapsed: %1</source>
        <translation>経過時間: %1</translation>
    </message>
    <message>
        <source>About %1 left</source>
        <translation>残り約 %1</translation>
    </message>
    <message numerus="yes">
        <source>%n failed</source>
        <translation>
            <numerusform>%n 件失敗</numerusform>
        </translation>
    </message>
    <message>
        <source>An instance</source>
        <translation>インスタンス</translation>
    </message>
    <message>
        <source>&lt;b&gt;Moving %1 to %2 failed.&lt;/b&gt; %3&lt;br&gt;The run is stopped. %1 stays where it is. Try the move again, skip this instance and go on, or leave the run stopped (it can be resumed later).</source>
        <translation>&lt;b&gt;%1 を %2 へ移行できませんでした。&lt;/b&gt;%3&lt;br&gt;処理を中断しました。%1 は現在のノードに残っています。移行を再試行するか、このインスタンスをスキップして続行するか、中断したままにしてください（後で再開できます）。</translation>
    </message>
    <message>
        <source>Abort all moves</source>
        <translation>すべての移行を中止</translation>
    </message>
    <message>
        <source>Running moves are cancelled; the instances stay where they are.</source>
        <translation>実行中の移行をキャンセルします。インスタンスは現在のノードに残ります。</translation>
    </message>
    <message>
        <source>The run stays stopped and can be resumed later.</source>
        <translation>処理は中断したままになり、後で再開できます。</translation>
    </message>
    <message>
        <source>Abort All</source>
        <translation>すべて中止</translation>
    </message>
    <message>
        <source>&lt;b&gt;Report:&lt;/b&gt; %1 moved, %2 failed, %3 skipped · total time %4 · data %5 · longest downtime %6</source>
        <translation>&lt;b&gt;レポート:&lt;/b&gt; 移行 %1 件、失敗 %2 件、スキップ %3 件、所要時間 %4、データ量 %5、最長停止時間 %6</translation>
    </message>
    <message>
        <source>There is no report yet.</source>
        <translation>レポートはまだありません。</translation>
    </message>
    <message>
        <source>Export the report as PDF</source>
        <translation>レポートを PDF でエクスポート</translation>
    </message>
    <message>
        <source>Export the report as CSV</source>
        <translation>レポートを CSV でエクスポート</translation>
    </message>
    <message>
        <source>PDF documents (*.pdf)</source>
        <translation>PDF ドキュメント (*.pdf)</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV ファイル (*.csv)</translation>
    </message>
    <message>
        <source>Report written to %1</source>
        <translation>レポートを %1 にエクスポートしました</translation>
    </message>
    <message>
        <source>Export failed</source>
        <translation>エクスポートに失敗しました</translation>
    </message>
    <message>
        <source>The report could not be written to %1.</source>
        <translation>レポートを %1 にエクスポートできませんでした。</translation>
    </message>
    <message>
        <source>No planned outage is running.</source>
        <translation>実行中の停電対応はありません。</translation>
    </message>
    <message>
        <source>Return home: %1</source>
        <translation>切り戻し: %1</translation>
    </message>
    <message>
        <source>Evacuation of %1</source>
        <translation>%1 の退避</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <translation>%1 — %2</translation>
    </message>
    <message>
        <source>&amp;Pause</source>
        <translation>一時停止(&amp;P)</translation>
    </message>
    <message>
        <source>Running moves finish; no new move starts.</source>
        <translation>実行中の移行は最後まで続けます。新しい移行は開始しません。</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>再開(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Abort All</source>
        <translation>すべて中止(&amp;A)</translation>
    </message>
    <message>
        <source>Re&amp;try</source>
        <translation>再試行(&amp;T)</translation>
    </message>
    <message>
        <source>S&amp;kip</source>
        <translation>スキップ(&amp;K)</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>中断(&amp;S)</translation>
    </message>
    <message>
        <source>Try this move again.</source>
        <translation>この移行をもう一度試みます。</translation>
    </message>
    <message>
        <source>Leave this instance where it is and go on with the others.</source>
        <translation>このインスタンスは移行せず、ほかのインスタンスの移行を続けます。</translation>
    </message>
    <message>
        <source>Keep the run stopped; it can be resumed later.</source>
        <translation>処理を中断したままにします。後で再開できます。</translation>
    </message>
    <message>
        <source>Export &amp;CSV…</source>
        <translation>CSV にエクスポート(&amp;C)…</translation>
    </message>
    <message>
        <source>Export P&amp;DF…</source>
        <translation>PDF にエクスポート(&amp;D)…</translation>
    </message>
    <message>
        <source>Moves of the outage run</source>
        <translation>停電対応の移行一覧</translation>
    </message>
    <message>
        <source>Outage progress</source>
        <translation>停電対応の進捗</translation>
    </message>
    <message>
        <source>Failed move</source>
        <translation>失敗した移行</translation>
    </message>
    <message>
        <source>%1 — run by %2 (read-only here)</source>
        <translation>%1 — %2 が実行中（ここでは表示のみ）</translation>
    </message>
    <message numerus="yes">
        <source> · &lt;b&gt;the service of %n instance(s) did not answer after the move&lt;/b&gt;</source>
        <translation>
            <numerusform>、&lt;b&gt;移行後にサービスが応答しなかったインスタンス %n 台&lt;/b&gt;</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kumo::OutagePlan</name>
    <message>
        <source>Leave it running (it stops with the power)</source>
        <translation>実行したままにする（停電とともに停止する）</translation>
    </message>
    <message>
        <source>Shut it down now, start it again on return</source>
        <translation>今すぐシャットダウンし、切り戻し時に再び起動する</translation>
    </message>
    <message>
        <source>No allowed transport to %1: %2</source>
        <translation>%1 への移行に使える接続方式がありません: %2</translation>
    </message>
    <message>
        <source>%1 %2</source>
        <comment>count, transport</comment>
        <translation>%2 %1 件</translation>
    </message>
    <message>
        <source>, </source>
        <comment>list separator</comment>
        <translation>、</translation>
    </message>
    <message numerus="yes">
        <source>%n move(s)</source>
        <translation>
            <numerusform>移行 %n 件</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n move(s): %1</source>
        <translation>
            <numerusform>移行 %n 件: %1</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kumo::OutagePlanEditor</name>
    <message numerus="yes">
        <source>; %n instance(s) cannot be placed</source>
        <translation>
            <numerusform>、配置できないインスタンス %n 台</numerusform>
        </translation>
    </message>
    <message>
        <source>%1%2 — no problems.</source>
        <translation>%1%2 — 問題はありません。</translation>
    </message>
    <message numerus="yes">
        <source>%1%2 — %n problem(s): %3</source>
        <translation>
            <numerusform>%1%2 — 問題 %n 件: %3</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 is not part of the plan.</source>
        <translation>%1 は計画に含まれていません。</translation>
    </message>
    <message>
        <source>%1 already runs on %2.</source>
        <translation>%1 はすでに %2 で実行中です。</translation>
    </message>
    <message>
        <source>%1 (%2 in all)</source>
        <translation>%1（合計 %2）</translation>
    </message>
</context>
<context>
    <name>kumo::OutagePlanPage</name>
    <message>
        <source>Return plan</source>
        <translation>切り戻し計画</translation>
    </message>
    <message>
        <source>Evacuation plan</source>
        <translation>退避計画</translation>
    </message>
    <message>
        <source>Where each instance goes, in this order. Change a target by dragging the instance to another node on the map, or with F2 in the &quot;To&quot; column.</source>
        <translation>各インスタンスの移行先です（この順に移行します）。移行先を変えるには、マップ上でインスタンスを別のノードへドラッグするか、「移行先」列で F2 キーを押してください。</translation>
    </message>
    <message>
        <source>&amp;Moves:</source>
        <translation>移行(&amp;M):</translation>
    </message>
    <message>
        <source>&amp;Instances that cannot be placed:</source>
        <translation>配置できないインスタンス(&amp;I):</translation>
    </message>
    <message>
        <source>Arrows show each move. Drag an instance onto another node to change its target.</source>
        <translation>矢印は各移行を示します。インスタンスを別のノードへドラッグすると移行先を変更できます。</translation>
    </message>
    <message>
        <source>Moves of the plan</source>
        <translation>計画の移行一覧</translation>
    </message>
    <message>
        <source>Instances that cannot be placed</source>
        <translation>配置できないインスタンス</translation>
    </message>
    <message>
        <source>Plan map</source>
        <translation>計画のマップ</translation>
    </message>
</context>
<context>
    <name>kumo::OutagePlanning</name>
    <message>
        <source>No planned outage of %1 was recorded, so there is nothing to bring back.</source>
        <translation>%1 の計画停電は記録されていないため、切り戻すものはありません。</translation>
    </message>
</context>
<context>
    <name>kumo::OutagePowerActions</name>
    <message>
        <source>%1: cannot be shut down, it is not seen on any node</source>
        <translation>%1: どのノードにも見つからないため、シャットダウンできません</translation>
    </message>
    <message>
        <source>%1: shutting down on %2 for the outage</source>
        <translation>%1: 計画停電に備えて %2 でシャットダウンしています</translation>
    </message>
    <message>
        <source>%1: cannot be started, it is not seen on any node</source>
        <translation>%1: どのノードにも見つからないため、起動できません</translation>
    </message>
    <message>
        <source>%1: starting on %2</source>
        <translation>%1: %2 で起動しています</translation>
    </message>
    <message>
        <source>it did not power off within %1 s</source>
        <translation>%1 秒以内に電源が切れませんでした</translation>
    </message>
    <message>
        <source>%1: shut-down failed: %2</source>
        <translation>%1: シャットダウンに失敗しました: %2</translation>
    </message>
    <message>
        <source>%1: start failed: %2</source>
        <translation>%1: 起動に失敗しました: %2</translation>
    </message>
    <message>
        <source>%1: shut down</source>
        <translation>%1: シャットダウンしました</translation>
    </message>
    <message>
        <source>%1: started</source>
        <translation>%1: 起動しました</translation>
    </message>
</context>
<context>
    <name>kumo::OutageReconciliation</name>
    <message>
        <source>%1 is seen on %2 at once; check which copy is current before going on.</source>
        <translation>%1 が %2 に同時に存在しています。どちらが最新か確認してから続けてください。</translation>
    </message>
    <message>
        <source>%1 is not seen on any node; it may have been removed.</source>
        <translation>%1 がどのノードにも見つかりません。削除された可能性があります。</translation>
    </message>
</context>
<context>
    <name>kumo::OutageReport</name>
    <message>
        <source>%1 GiB</source>
        <comment>data size</comment>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <comment>data size</comment>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>%1 KiB</source>
        <comment>data size</comment>
        <translation>%1 KiB</translation>
    </message>
    <message numerus="yes">
        <source>%n byte(s)</source>
        <comment>data size</comment>
        <translation>
            <numerusform>%n バイト</numerusform>
        </translation>
    </message>
    <message>
        <source>Instance</source>
        <comment>report column</comment>
        <translation>インスタンス</translation>
    </message>
    <message>
        <source>From</source>
        <comment>report column</comment>
        <translation>移行元</translation>
    </message>
    <message>
        <source>To</source>
        <comment>report column</comment>
        <translation>移行先</translation>
    </message>
    <message>
        <source>Start</source>
        <comment>report column</comment>
        <translation>開始</translation>
    </message>
    <message>
        <source>End</source>
        <comment>report column</comment>
        <translation>終了</translation>
    </message>
    <message>
        <source>Duration (ms)</source>
        <comment>report column</comment>
        <translation>所要時間（ミリ秒）</translation>
    </message>
    <message>
        <source>Downtime (ms)</source>
        <comment>report column</comment>
        <translation>停止時間（ミリ秒）</translation>
    </message>
    <message>
        <source>Data (bytes)</source>
        <comment>report column</comment>
        <translation>データ量（バイト）</translation>
    </message>
    <message>
        <source>Result</source>
        <comment>report column</comment>
        <translation>結果</translation>
    </message>
    <message>
        <source>Error</source>
        <comment>report column</comment>
        <translation>エラー</translation>
    </message>
    <message>
        <source>Total</source>
        <comment>report column</comment>
        <translation>合計</translation>
    </message>
    <message>
        <source>%1 moved, %2 failed, %3 skipped</source>
        <translation>移行 %1 件、失敗 %2 件、スキップ %3 件</translation>
    </message>
    <message>
        <source>%1: %2 → %3, %4 in %5, downtime %6</source>
        <translation>%1: %2 → %3、%4（所要 %5、停止時間 %6）</translation>
    </message>
    <message>
        <source>%1 (%2)</source>
        <comment>report line, then its error</comment>
        <translation>%1（%2）</translation>
    </message>
    <message>
        <source>%1 moved, %2 failed, %3 skipped in %4; longest downtime %5; %6 copied.</source>
        <translation>移行 %1 件、失敗 %2 件、スキップ %3 件（所要 %4）。最長停止時間 %5、転送量 %6。</translation>
    </message>
    <message>
        <source>%1 ms</source>
        <comment>duration</comment>
        <translation>%1 ミリ秒</translation>
    </message>
    <message>
        <source>%1 s</source>
        <comment>duration</comment>
        <translation>%1 秒</translation>
    </message>
    <message>
        <source>%1 min %2 s</source>
        <comment>duration</comment>
        <translation>%1 分 %2 秒</translation>
    </message>
    <message>
        <source>%1 h %2 min</source>
        <comment>duration</comment>
        <translation>%1 時間 %2 分</translation>
    </message>
    <message>
        <source>Transport</source>
        <comment>report column</comment>
        <translation>接続方式</translation>
    </message>
    <message>
        <source>%1, %2</source>
        <comment>report line, then its transport</comment>
        <translation>%1、%2</translation>
    </message>
    <message>
        <source>Service before move</source>
        <comment>report column</comment>
        <translation>移行前のサービス</translation>
    </message>
    <message>
        <source>Service after move</source>
        <comment>report column</comment>
        <translation>移行後のサービス</translation>
    </message>
    <message>
        <source>Service gap (ms)</source>
        <comment>report column</comment>
        <translation>サービス断時間（ミリ秒）</translation>
    </message>
    <message>
        <source>%1; service answered after the move (gap %2)</source>
        <comment>report line, then the service</comment>
        <translation>%1、移行後にサービスが応答（サービス断時間 %2）</translation>
    </message>
    <message>
        <source>%1; service did not answer after the move</source>
        <comment>report line, then the service</comment>
        <translation>%1、移行後にサービスの応答なし</translation>
    </message>
    <message numerus="yes">
        <source>The service of %n instance(s) did not answer after the move.</source>
        <translation>
            <numerusform>%n 台のインスタンスのサービスが移行後に応答しませんでした。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kumo::OutageReportPdf</name>
    <message>
        <source>Return home report — %1</source>
        <translation>切り戻しレポート — %1</translation>
    </message>
    <message>
        <source>Planned outage report — %1</source>
        <translation>計画停電レポート — %1</translation>
    </message>
    <message>
        <source>%1 – %2</source>
        <translation>%1 〜 %2</translation>
    </message>
    <message>
        <source>not set</source>
        <translation>未設定</translation>
    </message>
    <message>
        <source>Campus</source>
        <translation>キャンパス</translation>
    </message>
    <message>
        <source>Run</source>
        <translation>処理</translation>
    </message>
    <message>
        <source>Return home</source>
        <translation>切り戻し</translation>
    </message>
    <message>
        <source>Evacuation</source>
        <translation>退避</translation>
    </message>
    <message>
        <source>Reason</source>
        <translation>理由</translation>
    </message>
    <message>
        <source>not given</source>
        <translation>未記入</translation>
    </message>
    <message>
        <source>Outage window</source>
        <translation>停電期間</translation>
    </message>
    <message>
        <source>Started</source>
        <translation>開始日時</translation>
    </message>
    <message>
        <source>Finished</source>
        <translation>終了日時</translation>
    </message>
    <message>
        <source>Moved</source>
        <translation>移行済み</translation>
    </message>
    <message>
        <source>Failed</source>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Skipped</source>
        <translation>スキップ</translation>
    </message>
    <message>
        <source>Total time</source>
        <translation>所要時間</translation>
    </message>
    <message>
        <source>Data moved</source>
        <translation>転送データ量</translation>
    </message>
    <message>
        <source>Longest downtime</source>
        <translation>最長停止時間</translation>
    </message>
    <message>
        <source>Timeline</source>
        <translation>タイムライン</translation>
    </message>
    <message>
        <source>No move started.</source>
        <translation>開始した移行はありません。</translation>
    </message>
    <message>
        <source>Downtime (switch-over)</source>
        <translation>停止時間（切り替え時）</translation>
    </message>
    <message>
        <source>Instances</source>
        <translation>インスタンス</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>インスタンス</translation>
    </message>
    <message>
        <source>From</source>
        <translation>移行元</translation>
    </message>
    <message>
        <source>To</source>
        <translation>移行先</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>開始</translation>
    </message>
    <message>
        <source>End</source>
        <translation>終了</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>所要時間</translation>
    </message>
    <message>
        <source>Downtime</source>
        <translation>停止時間</translation>
    </message>
    <message>
        <source>Result</source>
        <translation>結果</translation>
    </message>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>Kumo %1 · %2</source>
        <translation>Kumo %1 — %2</translation>
    </message>
    <message>
        <source>Page %1 of %2</source>
        <translation>%1 / %2 ページ</translation>
    </message>
    <message>
        <source>The report could not be written.</source>
        <translation>レポートをエクスポートできませんでした。</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>接続方式</translation>
    </message>
    <message>
        <source>TLS</source>
        <comment>transport, short</comment>
        <translation>TLS</translation>
    </message>
    <message>
        <source>tunnelled</source>
        <comment>transport, short</comment>
        <translation>トンネル</translation>
    </message>
    <message>
        <source>unencrypted</source>
        <comment>transport, short</comment>
        <translation>暗号化なし</translation>
    </message>
    <message>
        <source>Service after move</source>
        <translation>移行後のサービス</translation>
    </message>
    <message>
        <source>Service gap</source>
        <translation>サービス断時間</translation>
    </message>
</context>
<context>
    <name>kumo::OutageRunModel</name>
    <message>
        <source>%1% · %2</source>
        <translation>%1%（%2）</translation>
    </message>
    <message>
        <source>Attempt %1</source>
        <translation>%1 回目の試行</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>インスタンス</translation>
    </message>
    <message>
        <source>From</source>
        <translation>移行元</translation>
    </message>
    <message>
        <source>To</source>
        <translation>移行先</translation>
    </message>
    <message>
        <source>Status</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>Progress</source>
        <translation>進捗</translation>
    </message>
    <message>
        <source>Duration</source>
        <translation>所要時間</translation>
    </message>
    <message>
        <source>Downtime</source>
        <translation>停止時間</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>エラー</translation>
    </message>
    <message>
        <source>Service after move</source>
        <translation>移行後のサービス</translation>
    </message>
    <message>
        <source>No service probes for this instance.</source>
        <translation>このインスタンスにはサービス監視がありません。</translation>
    </message>
    <message>
        <source>Before the move: %1</source>
        <translation>移行前: %1</translation>
    </message>
    <message>
        <source>After the move: %1</source>
        <translation>移行後: %1</translation>
    </message>
    <message>
        <source>Service gap: %1</source>
        <translation>サービス断時間: %1</translation>
    </message>
</context>
<context>
    <name>kumo::OutageSitePage</name>
    <message>
        <source>not found</source>
        <translation>見つかりません</translation>
    </message>
    <message>
        <source>shut down for the outage</source>
        <translation>計画停電のためシャットダウン済み</translation>
    </message>
    <message>
        <source>Cannot end the outage</source>
        <translation>計画停電を終了できません</translation>
    </message>
    <message>
        <source>Cannot plan the return</source>
        <translation>切り戻しを計画できません</translation>
    </message>
    <message>
        <source>End the outage</source>
        <translation>計画停電の終了</translation>
    </message>
    <message>
        <source>Planned outage</source>
        <translation>計画停電</translation>
    </message>
    <message>
        <source>Bring every instance back to the node it lived on before the outage.</source>
        <translation>すべてのインスタンスを、計画停電の前に稼働していた元のノードへ切り戻します。</translation>
    </message>
    <message>
        <source>Move every running instance off a campus before its power is switched off.</source>
        <translation>電源を切る前に、キャンパスで実行中のインスタンスをすべて他のキャンパスへ退避します。</translation>
    </message>
    <message>
        <source>Kumo recorded the home node of every instance it moved. Once the campus&apos;s nodes are back and connected, end maintenance mode and Kumo plans the way home.</source>
        <translation>Kumo は移行したすべてのインスタンスの元のノードを記録しています。キャンパスのノードが復旧して再接続されたら、メンテナンスモードを終了してください。Kumo が切り戻しの計画を立てます。</translation>
    </message>
    <message>
        <source>Kumo plans where each instance goes, shows the plan on a map and checks every move before anything starts. The time window and the reason are kept with the plan and appear in the report.</source>
        <translation>Kumo は各インスタンスの移行先を計画してマップに表示し、開始前にすべての移行を事前チェックします。停電期間と理由は計画とともに保存され、レポートに記載されます。</translation>
    </message>
    <message>
        <source> MiB/s</source>
        <translation> MiB/s</translation>
    </message>
    <message>
        <source>Unlimited</source>
        <translation>無制限</translation>
    </message>
    <message>
        <source> %</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Memory and vCPU capacity kept free on every target node, in percent of the node.</source>
        <translation>各移行先ノードで空けておくメモリと vCPU の容量です（ノード全体に対する割合）。</translation>
    </message>
    <message>
        <source>Migrations at once between one pair of campuses.</source>
        <translation>1 組のキャンパス間で同時に実行するマイグレーションの数です。</translation>
    </message>
    <message>
        <source>e.g. annual electrical inspection</source>
        <translation>例: 年次電気設備点検</translation>
    </message>
    <message>
        <source>Campus</source>
        <translation>キャンパス</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>インスタンス</translation>
    </message>
    <message>
        <source>Home node</source>
        <translation>元のノード</translation>
    </message>
    <message>
        <source>Now on</source>
        <translation>現在のノード</translation>
    </message>
    <message>
        <source>Recorded home nodes</source>
        <translation>記録された元のノード</translation>
    </message>
</context>
<context>
    <name>kumo::OutageState</name>
    <message>
        <source>The outage state file has format version %1; this Kumo reads version %2 only.</source>
        <translation>停電対応の状態ファイルの形式はバージョン %1 です。この Kumo が読み込めるのはバージョン %2 だけです。</translation>
    </message>
    <message>
        <source>Pending</source>
        <comment>move status</comment>
        <translation>待機中</translation>
    </message>
    <message>
        <source>Moving</source>
        <comment>move status</comment>
        <translation>移行中</translation>
    </message>
    <message>
        <source>Done</source>
        <comment>move status</comment>
        <translation>完了</translation>
    </message>
    <message>
        <source>Failed</source>
        <comment>move status</comment>
        <translation>失敗</translation>
    </message>
    <message>
        <source>Skipped</source>
        <comment>move status</comment>
        <translation>スキップ</translation>
    </message>
    <message>
        <source>Cancelled</source>
        <comment>move status</comment>
        <translation>キャンセル済み</translation>
    </message>
    <message>
        <source>Not started</source>
        <comment>run state</comment>
        <translation>未開始</translation>
    </message>
    <message>
        <source>Running</source>
        <comment>run state</comment>
        <translation>実行中</translation>
    </message>
    <message>
        <source>Paused</source>
        <comment>run state</comment>
        <translation>一時停止中</translation>
    </message>
    <message>
        <source>Stopped</source>
        <comment>run state</comment>
        <translation>中断</translation>
    </message>
    <message>
        <source>Completed</source>
        <comment>run state</comment>
        <translation>完了</translation>
    </message>
    <message>
        <source>Evacuating</source>
        <comment>outage phase</comment>
        <translation>退避中</translation>
    </message>
    <message>
        <source>In maintenance</source>
        <comment>outage phase</comment>
        <translation>メンテナンス中</translation>
    </message>
    <message>
        <source>Returning</source>
        <comment>outage phase</comment>
        <translation>切り戻し中</translation>
    </message>
    <message>
        <source>Ended</source>
        <comment>outage phase</comment>
        <translation>終了</translation>
    </message>
    <message>
        <source>answered</source>
        <comment>service after the move</comment>
        <translation>応答あり</translation>
    </message>
    <message>
        <source>no answer</source>
        <comment>service after the move</comment>
        <translation>応答なし</translation>
    </message>
</context>
<context>
    <name>kumo::OutageStore</name>
    <message>
        <source>No outage state file was found.</source>
        <translation>停電対応の状態ファイルが見つかりません。</translation>
    </message>
    <message>
        <source>The outage state file cannot be opened; check its permissions.</source>
        <translation>停電対応の状態ファイルを開けません。アクセス権を確認してください。</translation>
    </message>
    <message>
        <source>The outage state file is not valid JSON; move it aside to start afresh.</source>
        <translation>停電対応の状態ファイルが正しい JSON ではありません。最初からやり直すには、このファイルを別の場所へ移してください。</translation>
    </message>
    <message>
        <source>The outage state file cannot be read.</source>
        <translation>停電対応の状態ファイルを読み込めません。</translation>
    </message>
    <message>
        <source>The directory for outage state files cannot be created; check its parent&apos;s permissions.</source>
        <translation>停電対応の状態ファイル用のディレクトリを作成できません。親ディレクトリのアクセス権を確認してください。</translation>
    </message>
    <message>
        <source>The outage state file cannot be written.</source>
        <translation>停電対応の状態ファイルに書き込めません。</translation>
    </message>
    <message>
        <source>The outage state file cannot be removed.</source>
        <translation>停電対応の状態ファイルを削除できません。</translation>
    </message>
    <message>
        <source>The lock of the outage state cannot be taken.</source>
        <translation>停電対応の状態ファイルのロックを取得できません。</translation>
    </message>
    <message>
        <source>The outage of %1 is being run by %2; only it can change it.</source>
        <translation>%1 の停電対応は %2 が実行中です。変更できるのはそのプロセスだけです。</translation>
    </message>
    <message>
        <source>The outage of %1 is being run by another process; only it can change it.</source>
        <translation>%1 の停電対応は別のプロセスが実行中です。変更できるのはそのプロセスだけです。</translation>
    </message>
    <message>
        <source>The outage state file for %1 says it is about %2; move it aside (it is not used).</source>
        <translation>%1 の停電対応の状態ファイルには %2 の内容が書かれています。このファイルは使いません。別の場所へ移してください。</translation>
    </message>
    <message>
        <source>The lock of the outage of %1 was left by %2, which is gone; this process takes it over.</source>
        <translation>%1 の停電対応のロックは %2 が残したもので、そのプロセスはもう存在しません。このプロセスが引き継ぎます。</translation>
    </message>
    <message>
        <source>%1 at offset %2</source>
        <comment>JSON parse error, byte offset</comment>
        <translation>%1（オフセット %2）</translation>
    </message>
    <message>
        <source>the top level is not an object</source>
        <comment>JSON</comment>
        <translation>最上位がオブジェクトではありません</translation>
    </message>
</context>
<context>
    <name>kumo::OutageUiController</name>
    <message>
        <source>&amp;Prepare for Planned Outage…</source>
        <translation>計画停電の準備(&amp;P)…</translation>
    </message>
    <message>
        <source>Plan and run the evacuation of a campus before its power is switched off</source>
        <translation>電源を切る前に、キャンパスの退避を計画して実行します</translation>
    </message>
    <message>
        <source>&amp;End Outage and Return Home…</source>
        <translation>計画停電の終了と切り戻し(&amp;E)…</translation>
    </message>
    <message>
        <source>Bring every evacuated instance back to its home node</source>
        <translation>退避したすべてのインスタンスを元のノードへ切り戻します</translation>
    </message>
    <message>
        <source>&amp;Resume</source>
        <translation>再開(&amp;R)</translation>
    </message>
    <message>
        <source>Not &amp;Now</source>
        <translation>後で(&amp;N)</translation>
    </message>
    <message>
        <source>Planned outage</source>
        <translation>停電対応</translation>
    </message>
    <message>
        <source>Plan and run the evacuation of %1</source>
        <translation>%1 の退避を計画して実行します</translation>
    </message>
    <message>
        <source>Cannot resume</source>
        <translation>再開できません</translation>
    </message>
    <message>
        <source>Read-only mode: Kumo starts no evacuation and no return.</source>
        <translation>読み取り専用モードです。退避も切り戻しも開始しません。</translation>
    </message>
    <message>
        <source>The window closes when the running moves have ended.</source>
        <translation>実行中の移行が終わるとウィンドウを閉じます。</translation>
    </message>
    <message>
        <source>Planned outage in progress</source>
        <translation>停電対応を実行中</translation>
    </message>
    <message>
        <source>Let the running moves finish: no new move starts, the window closes after them, and the run can be resumed later. Cancel the moves: they stop at once and the instances stay where they are. Or keep the window open.</source>
        <translation>「実行中の移行を完了してから閉じる」: 新しい移行は開始せず、実行中の移行が終わるとウィンドウを閉じます。処理は後で再開できます。「移行をキャンセルして閉じる」: 移行はすぐに止まり、インスタンスは現在のノードに残ります。ウィンドウを開いたままにすることもできます。</translation>
    </message>
    <message>
        <source>&amp;Finish Running Moves, Then Close</source>
        <translation>実行中の移行を完了してから閉じる(&amp;F)</translation>
    </message>
    <message>
        <source>&amp;Cancel Moves and Close</source>
        <translation>移行をキャンセルして閉じる(&amp;C)</translation>
    </message>
    <message>
        <source>&amp;Keep Window Open</source>
        <translation>ウィンドウを開いたままにする(&amp;K)</translation>
    </message>
    <message>
        <source>The terminal went away; the planned outage run goes on.</source>
        <translation>端末との接続が切れましたが、停電対応の実行は続けます。</translation>
    </message>
    <message numerus="yes">
        <source>%1 is running; %n move(s) in progress.</source>
        <translation>
            <numerusform>%1 を実行中です。実行中の移行: %n 件。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The return home of %1 is being run by %2: %3 of %n instance(s) are home. It is shown here read-only.</source>
        <translation>
            <numerusform>%1 の切り戻しは %2 が実行中です。%n 台中 %3 台のインスタンスが元のノードに戻っています。ここでは表示のみです。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The evacuation of %1 is being run by %2: %3 of %n instance(s) have moved. It is shown here read-only.</source>
        <translation>
            <numerusform>%1 の退避は %2 が実行中です。%n 台中 %3 台のインスタンスを移行しました。ここでは表示のみです。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The return home of %1 did not finish: %2 of %n instance(s) are home. Resume it?</source>
        <translation>
            <numerusform>%1 の切り戻しが完了していません。%n 台中 %2 台のインスタンスが元のノードに戻っています。再開しますか？</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>The evacuation of %1 did not finish: %2 of %n instance(s) have moved. Resume it?</source>
        <translation>
            <numerusform>%1 の退避が完了していません。%n 台中 %2 台のインスタンスを移行済みです。再開しますか？</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kumo::OutageWizard</name>
    <message>
        <source>The return did not start</source>
        <translation>切り戻しを開始できませんでした</translation>
    </message>
    <message>
        <source>The evacuation did not start</source>
        <translation>退避を開始できませんでした</translation>
    </message>
    <message>
        <source>End outage and return home</source>
        <translation>計画停電の終了と切り戻し</translation>
    </message>
    <message>
        <source>Prepare for planned outage</source>
        <translation>計画停電の準備</translation>
    </message>
    <message>
        <source>&amp;Start return</source>
        <translation>切り戻しを開始(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Start evacuation</source>
        <translation>退避を開始(&amp;S)</translation>
    </message>
    <message>
        <source>&amp;Next &gt;</source>
        <translation>次へ(&amp;N) &gt;</translation>
    </message>
    <message>
        <source>&lt; &amp;Back</source>
        <translation>&lt; 戻る(&amp;B)</translation>
    </message>
    <message>
        <source>Cancel</source>
        <translation>キャンセル</translation>
    </message>
    <message>
        <source>Services did not answer</source>
        <translation>サービスが応答しませんでした</translation>
    </message>
    <message numerus="yes">
        <source>The service of %n instance(s) did not answer after the evacuation moved them: %1.</source>
        <translation>
            <numerusform>退避の移行後、%n 台のインスタンスのサービスが応答しませんでした: %1。</numerusform>
        </translation>
    </message>
    <message>
        <source>They may not work after the return either. Check them, or start the return anyway.</source>
        <translation>切り戻し後も動作しない可能性があります。確認するか、このまま切り戻しを開始してください。</translation>
    </message>
    <message>
        <source>Start Return &amp;Anyway</source>
        <translation>このまま切り戻しを開始(&amp;A)</translation>
    </message>
</context>
<context>
    <name>kumo::PlanTableModel</name>
    <message>
        <source>Target chosen by hand</source>
        <translation>移行先は手動で選択されています</translation>
    </message>
    <message>
        <source>Press F2 or double-click to choose another node.</source>
        <translation>F2 キーを押すかダブルクリックすると、別のノードを選べます。</translation>
    </message>
    <message>
        <source>Problem: %1</source>
        <translation>問題: %1</translation>
    </message>
    <message>
        <source>#</source>
        <comment>plan order</comment>
        <translation>#</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>インスタンス</translation>
    </message>
    <message>
        <source>From</source>
        <translation>移行元</translation>
    </message>
    <message>
        <source>To</source>
        <translation>移行先</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>メモリ</translation>
    </message>
    <message>
        <source>Note</source>
        <translation>メモ</translation>
    </message>
    <message>
        <source>Transport: %1</source>
        <translation>接続方式: %1</translation>
    </message>
    <message>
        <source>Transport</source>
        <translation>接続方式</translation>
    </message>
</context>
<context>
    <name>kumo::Planner</name>
    <message>
        <source>%1 GiB</source>
        <comment>memory size</comment>
        <translation>%1 GiB</translation>
    </message>
    <message>
        <source>%1 MiB</source>
        <comment>memory size</comment>
        <translation>%1 MiB</translation>
    </message>
    <message>
        <source>No other campus has a connected node that is not in maintenance.</source>
        <translation>他のキャンパスには、接続済みでメンテナンス中でないノードがありません。</translation>
    </message>
    <message>
        <source>No node of %1 is connected and out of maintenance.</source>
        <translation>%1 には、接続済みでメンテナンス中でないノードがありません。</translation>
    </message>
    <message>
        <source>No connected node of the other campuses has a CPU that can run %1.</source>
        <translation>他のキャンパスの接続済みノードには、%1 を実行できる CPU を持つものがありません。</translation>
    </message>
    <message>
        <source>No connected node of %1 has a CPU that can run %2.</source>
        <translation>%1 の接続済みノードには、%2 を実行できる CPU を持つものがありません。</translation>
    </message>
    <message>
        <source>Every node with room already runs %1 of anti-affinity group %2.</source>
        <translation>空きのあるノードではすべて、アンチアフィニティグループ %2 の %1 がすでに実行中です。</translation>
    </message>
    <message>
        <source>No node of the other campuses has %1 of memory free after %2% headroom (most free: %3, %4).</source>
        <translation>%2% の余裕を残すと、他のキャンパスには %1 のメモリが空いているノードがありません（最大の空き: %3、%4）。</translation>
    </message>
    <message>
        <source>No node of %1 has %2 of memory free after %3% headroom (most free: %4, %5).</source>
        <translation>%3% の余裕を残すと、%1 には %2 のメモリが空いているノードがありません（最大の空き: %4、%5）。</translation>
    </message>
    <message numerus="yes">
        <source>No node of the other campuses has both %1 of memory and %n vCPU(s) free after %2% headroom.</source>
        <translation>
            <numerusform>%2% の余裕を残すと、他のキャンパスにはメモリ %1 と %n vCPU の両方が空いているノードがありません。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No node of %1 has both %2 of memory and %n vCPU(s) free after %3% headroom.</source>
        <translation>
            <numerusform>%3% の余裕を残すと、%1 にはメモリ %2 と %n vCPU の両方が空いているノードがありません。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No node of the other campuses has %n vCPU(s) free after %1% headroom (most free among those with memory: %2, %3 vCPUs).</source>
        <translation>
            <numerusform>%1% の余裕を残すと、他のキャンパスには %n vCPU が空いているノードがありません（メモリが足りるノードで最大の空き: %2、%3 vCPU）。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>No node of %1 has %n vCPU(s) free after %2% headroom (most free among those with memory: %3, %4 vCPUs).</source>
        <translation>
            <numerusform>%2% の余裕を残すと、%1 には %n vCPU が空いているノードがありません（メモリが足りるノードで最大の空き: %3、%4 vCPU）。</numerusform>
        </translation>
    </message>
    <message>
        <source>Home node %1 is gone from the inventory.</source>
        <translation>元のノード %1 は構成ファイルから削除されています。</translation>
    </message>
    <message>
        <source>Home node %1 is unreachable.</source>
        <translation>元のノード %1 に接続できません。</translation>
    </message>
    <message>
        <source>Home node %1 is in maintenance.</source>
        <translation>元のノード %1 はメンテナンス中です。</translation>
    </message>
    <message>
        <source>The CPU of home node %1 cannot run it.</source>
        <translation>元のノード %1 の CPU では実行できません。</translation>
    </message>
    <message>
        <source>Home node %1 already runs an instance of its anti-affinity group.</source>
        <translation>元のノード %1 では、同じアンチアフィニティグループのインスタンスがすでに実行中です。</translation>
    </message>
    <message>
        <source>Home node %1 has no room for it now.</source>
        <translation>元のノード %1 には現在空きがありません。</translation>
    </message>
    <message>
        <source>Home node %1 is gone from the inventory; proposed %2 on the same campus.</source>
        <translation>元のノード %1 は構成ファイルから削除されています。代わりに同じキャンパスの %2 を提案します。</translation>
    </message>
    <message>
        <source>Home node %1 is unreachable; proposed %2 on the same campus.</source>
        <translation>元のノード %1 に接続できません。代わりに同じキャンパスの %2 を提案します。</translation>
    </message>
    <message>
        <source>Home node %1 is in maintenance; proposed %2 on the same campus.</source>
        <translation>元のノード %1 はメンテナンス中です。代わりに同じキャンパスの %2 を提案します。</translation>
    </message>
    <message>
        <source>The CPU of home node %1 cannot run it; proposed %2 on the same campus.</source>
        <translation>元のノード %1 の CPU では実行できません。代わりに同じキャンパスの %2 を提案します。</translation>
    </message>
    <message>
        <source>Home node %1 already runs an instance of its anti-affinity group; proposed %2 on the same campus.</source>
        <translation>元のノード %1 では、同じアンチアフィニティグループのインスタンスがすでに実行中です。代わりに同じキャンパスの %2 を提案します。</translation>
    </message>
    <message>
        <source>Home node %1 has no room for it now; proposed %2 on the same campus.</source>
        <translation>元のノード %1 には現在空きがありません。代わりに同じキャンパスの %2 を提案します。</translation>
    </message>
    <message>
        <source>%1 is not running on %2, so it cannot move live; start it, or move it home by hand.</source>
        <translation>%1 は %2 で実行していないため、ライブマイグレーションできません。起動するか、手動で切り戻してください。</translation>
    </message>
    <message>
        <source>%1 is no longer seen on any node.</source>
        <translation>%1 はもうどのノードにも見つかりません。</translation>
    </message>
    <message>
        <source>%1 is not running, so it cannot move live.</source>
        <translation>%1 は実行していないため、ライブマイグレーションできません。</translation>
    </message>
    <message>
        <source>%1 is not a node of the inventory; choose another node for %2.</source>
        <translation>%1 は構成ファイルにあるノードではありません。%2 には別のノードを選んでください。</translation>
    </message>
    <message>
        <source>%1 is not connected, so %2 cannot move there.</source>
        <translation>%1 に接続していないため、%2 をそこへ移行できません。</translation>
    </message>
    <message>
        <source>%1 is in maintenance, so %2 cannot move there.</source>
        <translation>%1 はメンテナンス中のため、%2 をそこへ移行できません。</translation>
    </message>
    <message>
        <source>%1 is on the campus being evacuated; choose a node of another campus for %2.</source>
        <translation>%1 は退避中のキャンパスにあります。%2 には別のキャンパスのノードを選んでください。</translation>
    </message>
    <message>
        <source>The CPU of %1 cannot run %2.</source>
        <translation>%1 の CPU では %2 を実行できません。</translation>
    </message>
    <message>
        <source>The CPU of %1 cannot run %2 (%3).</source>
        <translation>%1 の CPU では %2 を実行できません（%3）。</translation>
    </message>
    <message>
        <source>%1 already runs on %2.</source>
        <translation>%1 はすでに %2 で実行中です。</translation>
    </message>
    <message>
        <source>%1 does not fit on %2: it needs %3 of memory and %4 is free there after %5% headroom and the moves planned before it.</source>
        <translation>%1 は %2 に収まりません。%3 のメモリが必要ですが、%5% の余裕を残し、先に計画された移行を差し引くと、空きは %4 です。</translation>
    </message>
    <message numerus="yes">
        <source>%1 does not fit on %2: it needs %n vCPU(s) and %3 are free there after %4% headroom and the moves planned before it.</source>
        <translation>
            <numerusform>%1 は %2 に収まりません。%n vCPU が必要ですが、%4% の余裕を残し、先に計画された移行を差し引くと、空きは %3 vCPU です。</numerusform>
        </translation>
    </message>
    <message>
        <source>%1 and %2 of anti-affinity group %3 would both run on %4.</source>
        <translation>アンチアフィニティグループ %3 の %1 と %2 が、どちらも %4 で動くことになります。</translation>
    </message>
    <message>
        <source>Taken out of the plan by hand.</source>
        <translation>手動で計画から外しました。</translation>
    </message>
    <message>
        <source>%1 runs on %2 at the same time (split brain): stop one copy first, then plan again.</source>
        <translation>%1 は %2 で同時に稼働しています（二重起動）。先にどちらかのコピーを停止してから、計画し直してください。</translation>
    </message>
    <message>
        <source>%1 refused it.</source>
        <translation>%1 で受け入れが拒否されました。</translation>
    </message>
    <message>
        <source>Every node that could take %1 refused it in the pre-flight checks: %2</source>
        <translation>%1 を受け入れられるノードはすべて事前チェックで拒否しました: %2</translation>
    </message>
    <message>
        <source>Re-planned onto %1: %2 refused it in the pre-flight checks. %3</source>
        <translation>%1 に計画し直しました。%2 が事前チェックで拒否しました。%3</translation>
    </message>
    <message>
        <source>Home node %1 refused it in the pre-flight checks: %2</source>
        <translation>元のノード %1 が事前チェックで拒否しました: %2</translation>
    </message>
    <message>
        <source>Home node %1 refused it in the pre-flight checks; proposed %2 on the same campus. %3</source>
        <translation>元のノード %1 が事前チェックで拒否しました。代わりに同じキャンパスの %2 を提案します。%3</translation>
    </message>
    <message>
        <source>%1 refused %2 in the pre-flight checks: %3</source>
        <translation>%1 は事前チェックで %2 を拒否しました: %3</translation>
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
        <source>A move is refused when it would leave less than this free on the destination (on top of the node&apos;s own memory_reserve_mib).</source>
        <translation>移行後に移行先の空きメモリがこれより少なくなる場合は移行しません（ノードごとの memory_reserve_mib とは別に確保します）。</translation>
    </message>
    <message>
        <source>Stop and ask</source>
        <translation>中断して確認する</translation>
    </message>
    <message>
        <source>Retry, then ask</source>
        <translation>再試行してから確認する</translation>
    </message>
    <message>
        <source>Skip the instance</source>
        <translation>インスタンスをスキップする</translation>
    </message>
    <message>
        <source>What an evacuation does when a move fails. Stop and ask waits for your decision; Retry tries twice more; Skip leaves the instance where it is and goes on.</source>
        <translation>退避中に移行が失敗したときの動作です。「中断して確認する」は判断を待ちます。「再試行してから確認する」はさらに 2 回試みます。「インスタンスをスキップする」はそのインスタンスを移行せずに続行します。</translation>
    </message>
    <message>
        <source> %</source>
        <translation>%</translation>
    </message>
    <message>
        <source>Memory and vCPU capacity the evacuation planner keeps free on every target node, in percent of the node.</source>
        <translation>退避計画で各移行先ノードに空けておくメモリと vCPU の容量です（ノード全体に対する割合）。</translation>
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
        <translation>%1 は実行中ではありません。移行できるのは実行中か一時停止中のインスタンスだけです。先に起動してください。</translation>
    </message>
    <message>
        <source>%1 has %2 free for it; %3 needs %4.</source>
        <translation>%1 の空きは %2 です。%3 には %4 必要です。</translation>
    </message>
    <message>
        <source>%1 has %2 free after reserving %3 and %4 already moving there; %5 needs %6.</source>
        <translation>%1 の空きは、予約 %3 と移行中の %4 を除くと %2 です。%5 には %6 必要です。</translation>
    </message>
    <message>
        <source>%1 has %2 free after reserving %3; %4 needs %5.</source>
        <translation>%1 の空きは、予約 %3 を除くと %2 です。%4 には %5 必要です。</translation>
    </message>
    <message>
        <source>%1 has %2 free after %3 already moving there; %4 needs %5.</source>
        <translation>%1 の空きは、移行中の %3 を除くと %2 です。%4 には %5 必要です。</translation>
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
        <translation>ネットワーク %1 は %2 にありますが有効になっていません。先に %2 で起動してください。</translation>
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
        <source>%n local disk(s): the move needs &quot;copy storage&quot; (slower) or shared storage.</source>
        <translation>
            <numerusform>ローカルディスクが %n 台あります。移行には「ローカルディスクを移行先にコピーする」（時間がかかります）か共有ストレージが必要です。</numerusform>
        </translation>
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
        <translation>%1 に接続済みです。</translation>
    </message>
    <message>
        <source>%1 is in maintenance and takes no new instances. Choose another node.</source>
        <translation>%1 はメンテナンス中で、新しいインスタンスを受け入れません。別のノードを選んでください。</translation>
    </message>
    <message>
        <source>%1 is not in maintenance.</source>
        <translation>%1 はメンテナンス中ではありません。</translation>
    </message>
    <message>
        <source>%1 already runs on %2. Choose another node.</source>
        <translation>%1 はすでに %2 で実行中です。別のノードを選んでください。</translation>
    </message>
    <message>
        <source>%1 runs on %2, not on %3.</source>
        <translation>%1 は %3 ではなく %2 で実行中です。</translation>
    </message>
    <message>
        <source>Could not read the instance&apos;s definition: %1</source>
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
        <translation>%2 には %1 と同じ UUID のドメインがすでにあります（以前の移行の残り？）。先に削除してください。</translation>
    </message>
    <message>
        <source>No domain with the UUID of %1 on %2.</source>
        <translation>%2 に %1 と同じ UUID のドメインはありません。</translation>
    </message>
    <message>
        <source>Allowed</source>
        <translation>移行可</translation>
    </message>
    <message>
        <source>Allowed with warnings</source>
        <translation>移行可（警告あり）</translation>
    </message>
    <message>
        <source>Refused</source>
        <translation>移行不可</translation>
    </message>
    <message>
        <source>Transport: %1. %2</source>
        <translation>接続方式: %1。%2</translation>
    </message>
    <message>
        <source>Transport: %1.</source>
        <translation>接続方式: %1。</translation>
    </message>
    <message>
        <source>%1 is not responding: its libvirt daemon has not answered for seconds.</source>
        <translation>%1 が応答していません。libvirt デーモンから数秒以上応答がありません。</translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n vCPU(s) but the hypervisor on %2 allows at most %3. Choose another node.</source>
        <translation>
            <numerusform>%1 の vCPU 数は %n ですが、%2 のハイパーバイザーが許可する最大数は %3 です。別のノードを選んでください。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 has %n vCPU(s) and %2 only %3: it overcommits the node and may run slower there.</source>
        <translation>
            <numerusform>%1 の vCPU 数は %n ですが、%2 には %3 しかありません。オーバーコミットになり、遅くなる可能性があります。</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%n CPU(s)</source>
        <comment>a node&apos;s CPU count</comment>
        <translation>
            <numerusform>%n CPU</numerusform>
        </translation>
    </message>
    <message numerus="yes">
        <source>%1 has enough CPUs for the %n vCPU(s) of %2.</source>
        <translation>
            <numerusform>%1 の CPU 数は、%2 の vCPU 数（%n）に対して十分です。</numerusform>
        </translation>
    </message>
</context>
<context>
    <name>kumo::ProbeLatencyChart</name>
    <message>
        <source>%1: %2</source>
        <translation>%1: %2</translation>
    </message>
    <message>
        <source>No answer</source>
        <translation>応答なし</translation>
    </message>
    <message>
        <source>Service answer time</source>
        <translation>サービス応答時間</translation>
    </message>
    <message>
        <source>ms</source>
        <comment>unit of the answer time axis</comment>
        <translation>ミリ秒</translation>
    </message>
</context>
<context>
    <name>kumo::Sentences</name>
    <message>
        <source>%1 %2</source>
        <comment>two sentences in a row, the first ends in a CJK character such as 。</comment>
        <translation>%1%2</translation>
    </message>
    <message>
        <source>%1 · %2</source>
        <comment>two figures side by side in a status line</comment>
        <translation>%1 ／ %2</translation>
    </message>
</context>
<context>
    <name>kumo::ServiceProbe</name>
    <message>
        <source>EHLO refused</source>
        <comment>probe error</comment>
        <translation>EHLO 拒否</translation>
    </message>
    <message>
        <source>HTTP %1</source>
        <comment>probe error</comment>
        <translation>HTTP %1</translation>
    </message>
    <message>
        <source>TLS failed</source>
        <comment>probe error</comment>
        <translation>TLS 失敗</translation>
    </message>
    <message>
        <source>TLS is not available on this system</source>
        <translation>このシステムでは TLS を使えません</translation>
    </message>
    <message>
        <source>The TLS handshake failed: %1</source>
        <translation>TLS のハンドシェイクに失敗しました: %1</translation>
    </message>
    <message>
        <source>The check failed: %1</source>
        <translation>チェックに失敗しました: %1</translation>
    </message>
    <message>
        <source>The connection was refused: nothing listens on that port.</source>
        <translation>接続が拒否されました。そのポートで待ち受けているものがありません。</translation>
    </message>
    <message>
        <source>The host name could not be resolved.</source>
        <translation>ホスト名を解決できませんでした。</translation>
    </message>
    <message>
        <source>The mail service answered EHLO with &quot;%1&quot; instead of 250.</source>
        <translation>メールサービスが EHLO に 250 ではなく「%1」と応答しました。</translation>
    </message>
    <message>
        <source>The mail service greeted with &quot;%1&quot; instead of 220.</source>
        <translation>メールサービスの応答が 220 ではなく「%1」でした。</translation>
    </message>
    <message>
        <source>The network did not reach the host.</source>
        <translation>ネットワークがホストに届きませんでした。</translation>
    </message>
    <message>
        <source>The service closed the connection before it answered.</source>
        <translation>サービスが応答する前に接続を閉じました。</translation>
    </message>
    <message>
        <source>The service gave no answer in time.</source>
        <translation>サービスが時間内に応答しませんでした。</translation>
    </message>
    <message>
        <source>The web service answered &quot;%1&quot;.</source>
        <translation>Web サービスが「%1」と応答しました。</translation>
    </message>
    <message>
        <source>The web service answered, but without the expected text.</source>
        <translation>Web サービスは応答しましたが、期待する文字列がありませんでした。</translation>
    </message>
    <message>
        <source>closed</source>
        <comment>probe error</comment>
        <translation>切断</translation>
    </message>
    <message>
        <source>down: %1</source>
        <comment>probe state</comment>
        <translation>応答なし: %1</translation>
    </message>
    <message>
        <source>host not found</source>
        <comment>probe error</comment>
        <translation>ホスト不明</translation>
    </message>
    <message>
        <source>network error</source>
        <comment>probe error</comment>
        <translation>ネットワークエラー</translation>
    </message>
    <message>
        <source>not checked yet</source>
        <comment>probe state</comment>
        <translation>未確認</translation>
    </message>
    <message>
        <source>refused</source>
        <comment>probe error</comment>
        <translation>拒否</translation>
    </message>
    <message>
        <source>text missing</source>
        <comment>probe error</comment>
        <translation>文字列なし</translation>
    </message>
    <message>
        <source>timeout</source>
        <comment>probe error</comment>
        <translation>タイムアウト</translation>
    </message>
    <message>
        <source>unreachable</source>
        <comment>probe error</comment>
        <translation>到達不可</translation>
    </message>
    <message>
        <source>up %1 ms</source>
        <comment>probe state</comment>
        <translation>応答 %1 ミリ秒</translation>
    </message>
    <message>
        <source>wrong banner</source>
        <comment>probe error</comment>
        <translation>不正なバナー</translation>
    </message>
</context>
<context>
    <name>kumo::SiteAreaItem</name>
    <message>
        <source>No nodes in this site</source>
        <translation>このキャンパスにノードはありません</translation>
    </message>
    <message>
        <source>Maintenance mode</source>
        <translation>メンテナンスモード</translation>
    </message>
    <message>
        <source>%1
In maintenance mode: takes no new instances until the outage ends.</source>
        <translation>%1
メンテナンス中: 計画停電が終わるまで新しいインスタンスを受け入れません。</translation>
    </message>
</context>
<context>
    <name>kumo::SplitBrainDialog</name>
    <message>
        <source>Split brain: %1</source>
        <translation>二重起動: %1</translation>
    </message>
    <message>
        <source>Node</source>
        <translation>ノード</translation>
    </message>
    <message>
        <source>State</source>
        <translation>状態</translation>
    </message>
    <message>
        <source>CPU time used</source>
        <translation>使用 CPU 時間</translation>
    </message>
    <message>
        <source>Memory dirtied</source>
        <translation>メモリ書き換え速度</translation>
    </message>
    <message>
        <source>Keep the copy whose work must survive (usually the one the last migration meant, or the one that ran longer and dirtied more memory), and stop the other. The stopped copy&apos;s guest loses what it did not write to disk.</source>
        <translation>残すべき作業をしているコピー（通常は最後の移行が意図した移行先のコピー、または長く稼働してメモリを多く書き換えている方）を残し、もう一方を停止してください。停止したコピーのゲストは、ディスクに書き込んでいない内容を失います。</translation>
    </message>
    <message>
        <source>The copy on %1 was stopped.</source>
        <translation>%1 のコピーを停止しました。</translation>
    </message>
    <message>
        <source>The copy on %1 could not be stopped: %2</source>
        <translation>%1 のコピーを停止できませんでした: %2</translation>
    </message>
    <message>
        <source>The journal records no migration of this instance.</source>
        <translation>操作ログには、このインスタンスの移行の記録がありません。</translation>
    </message>
    <message>
        <source>A migration from %1 to %2 has not ended yet: it means the copy on %2.</source>
        <translation>%1 から %2 への移行がまだ終わっていません。意図しているのは %2 のコピーです。</translation>
    </message>
    <message>
        <source>The last migration in the journal (%1) moved it from %2 to %3: it meant the copy on %3.</source>
        <translation>操作ログの最後の移行（%1）は %2 から %3 への移行で、意図したのは %3 のコピーです。</translation>
    </message>
    <message>
        <source>It did not complete.</source>
        <translation>この移行は完了しませんでした。</translation>
    </message>
    <message>
        <source>It did not complete: %1</source>
        <translation>この移行は完了しませんでした: %1</translation>
    </message>
    <message>
        <source>%1 runs on %2 at the same time. Both copies use the same disks and addresses: stop one of them.</source>
        <translation>%1 が %2 で同時に稼働しています。両方のコピーが同じディスクとアドレスを使っています。どちらかを停止してください。</translation>
    </message>
    <message>
        <source>%1 runs on %2 only: nothing to fix.</source>
        <translation>%1 は %2 だけで稼働しています。解消するものはありません。</translation>
    </message>
    <message>
        <source>%1 is no longer seen on any node.</source>
        <translation>%1 はどのノードにも見当たりません。</translation>
    </message>
    <message>
        <source>measuring…</source>
        <translation>測定中…</translation>
    </message>
    <message>
        <source>%1 MiB/s (over %2 s)</source>
        <translation>%1 MiB/s（%2 秒間）</translation>
    </message>
    <message>
        <source>Stop the copy on %1…</source>
        <translation>%1 のコピーを停止…</translation>
    </message>
    <message>
        <source>%1 is a normal instance again.</source>
        <translation>%1 は通常のインスタンスに戻りました。</translation>
    </message>
    <message>
        <source>Stop the copy on %1?</source>
        <translation>%1 のコピーを停止しますか？</translation>
    </message>
    <message>
        <source>Stop the copy of %1 on %2 now? It is switched off at once, like pulling its plug: what it did not write to disk is lost. The copy on %3 keeps running.</source>
        <translation>%2 上の %1 のコピーを今すぐ停止しますか？ 電源プラグを抜くようにすぐ停止し、ディスクに書き込んでいない内容は失われます。%3 のコピーは稼働し続けます。</translation>
    </message>
    <message>
        <source>Stop the copy on %1</source>
        <translation>%1 のコピーを停止</translation>
    </message>
    <message>
        <source>Stopping the copy on %1…</source>
        <translation>%1 のコピーを停止しています…</translation>
    </message>
    <message>
        <source>The copy on %1 was stopped; removing its definition there…</source>
        <translation>%1 のコピーを停止しました。%1 の定義を削除しています…</translation>
    </message>
    <message>
        <source>The copy on %1 was stopped and its definition removed there; its disks were kept.</source>
        <translation>%1 のコピーを停止し、%1 の定義を削除しました。ディスクは残しています。</translation>
    </message>
    <message>
        <source>The copy on %1 was stopped, but its definition there could not be removed: %2</source>
        <translation>%1 のコピーを停止しましたが、%1 の定義を削除できませんでした: %2</translation>
    </message>
    <message>
        <source>node not answering</source>
        <translation>ノード応答なし</translation>
    </message>
    <message>
        <source>not answering</source>
        <translation>応答なし</translation>
    </message>
    <message>
        <source>Also remove the stopped copy&apos;s definition from %1 (its disks are kept)</source>
        <translation>停止したコピーの定義も %1 から削除する（ディスクは残す）</translation>
    </message>
    <message>
        <source>Its outcome is not known.</source>
        <translation>結果は不明です。</translation>
    </message>
    <message>
        <source>Its outcome is not known: %1</source>
        <translation>結果は不明です: %1</translation>
    </message>
    <message>
        <source>%1 (destination of the last migration)</source>
        <translation>%1（最後の移行の移行先）</translation>
    </message>
    <message>
        <source>%1 — %2</source>
        <comment>an instance state and why it is in it</comment>
        <translation>%1（%2）</translation>
    </message>
</context>
<context>
    <name>kumo::State</name>
    <message>
        <source>Connecting</source>
        <comment>node state</comment>
        <translation>接続中…</translation>
    </message>
    <message>
        <source>Connected</source>
        <comment>node state</comment>
        <translation>接続済み</translation>
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
        <translation>一時停止中</translation>
    </message>
    <message>
        <source>Shutting down</source>
        <comment>instance state</comment>
        <translation>シャットダウン中</translation>
    </message>
    <message>
        <source>Shut off</source>
        <comment>instance state</comment>
        <translation>停止中</translation>
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
        <translation>メンテナンス中</translation>
    </message>
    <message>
        <source>Split: running on %1</source>
        <translation>二重起動: %1 で実行中</translation>
    </message>
    <message>
        <source>booted here</source>
        <translation>このノードで起動</translation>
    </message>
    <message>
        <source>resumed here after a migration into this node</source>
        <translation>このノードへの移行後に再開</translation>
    </message>
    <message>
        <source>restored from a saved state</source>
        <translation>保存状態から復元</translation>
    </message>
    <message>
        <source>resumed after a pause</source>
        <translation>一時停止から再開</translation>
    </message>
    <message>
        <source>resumed here after its migration away failed</source>
        <translation>他ノードへの移行に失敗した後、このノードで再開</translation>
    </message>
    <message>
        <source>running in post-copy migration</source>
        <translation>ポストコピー移行中に稼働</translation>
    </message>
    <message>
        <source>post-copy migration failed</source>
        <translation>ポストコピー移行に失敗</translation>
    </message>
    <message>
        <source>Not responding</source>
        <comment>node state</comment>
        <translation>応答なし</translation>
    </message>
</context>
<context>
    <name>kumo::TerminalPrompter</name>
    <message>
        <source>User name</source>
        <translation>ユーザー名</translation>
    </message>
    <message>
        <source>Password</source>
        <translation>パスワード</translation>
    </message>
    <message>
        <source>Answer</source>
        <translation>回答</translation>
    </message>
    <message>
        <source>Node %1 (%2)</source>
        <translation>ノード %1（%2）</translation>
    </message>
    <message>
        <source>The node&apos;s SSH host key is not known yet. Fingerprint: %1</source>
        <translation>このノードの SSH ホスト鍵はまだ登録されていません。フィンガープリント: %1</translation>
    </message>
    <message>
        <source>Accept this host key? [y/N] </source>
        <translation>このホスト鍵を承認しますか? [y/N] </translation>
    </message>
    <message>
        <source>Remember in the keychain? [y/N] </source>
        <translation>キーチェーンに保存しますか? [y/N] </translation>
    </message>
</context>
<context>
    <name>kumo::TopConsumersTable</name>
    <message>
        <source>Instance</source>
        <translation>インスタンス</translation>
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
        <source>Disk I/O</source>
        <translation>ディスク I/O</translation>
    </message>
    <message>
        <source>Network</source>
        <translation>ネットワーク</translation>
    </message>
    <message>
        <source>Host memory the instance&apos;s process uses (RSS) where libvirt reports it, otherwise its current allocation</source>
        <translation>libvirt が報告する場合はインスタンスのプロセスがホスト上で使用しているメモリ（RSS）、それ以外は現在の割り当て量</translation>
    </message>
    <message>
        <source>Top consumers of the node</source>
        <translation>ノードのリソース使用量上位</translation>
    </message>
</context>
<context>
    <name>kumo::UnplacedTableModel</name>
    <message>
        <source>What to do with %1 during the outage. Press F2 to change.</source>
        <translation>停電中の %1 の扱いです。F2 キーで変更できます。</translation>
    </message>
    <message>
        <source>Instance</source>
        <translation>インスタンス</translation>
    </message>
    <message>
        <source>On node</source>
        <translation>現在のノード</translation>
    </message>
    <message>
        <source>Memory</source>
        <translation>メモリ</translation>
    </message>
    <message>
        <source>Why it cannot move</source>
        <translation>移行できない理由</translation>
    </message>
    <message>
        <source>During the outage</source>
        <translation>停電中の扱い</translation>
    </message>
</context>
<context>
    <name>kumo::VirtError</name>
    <message>
        <source>Cannot reach the node&apos;s libvirt daemon. Check that libvirtd runs on the node and that the URI is right.</source>
        <translation>ノードの libvirt デーモンに接続できません。ノードで libvirtd が実行されているか、URI が正しいかを確認してください。</translation>
    </message>
    <message>
        <source>The node&apos;s libvirt daemon refused the credentials or none were given. Check the user name and password for this node, or its certificates and SSH keys.</source>
        <translation>ノードの libvirt デーモンが認証情報を拒否したか、認証情報が渡されませんでした。このノードのユーザー名とパスワード、または証明書と SSH 鍵を確認してください。</translation>
    </message>
    <message>
        <source>The instance no longer exists on this node. Refresh the view and try again.</source>
        <translation>このインスタンスはもうこのノードにありません。表示を更新してからやり直してください。</translation>
    </message>
    <message>
        <source>The node&apos;s hypervisor driver does not support this operation.</source>
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
        <source>libvirt could not complete the operation. The details give libvirt&apos;s reason.</source>
        <translation>libvirt が操作を完了できませんでした。理由は詳細を参照してください。</translation>
    </message>
    <message>
        <source>libvirt reported no reason.</source>
        <translation>libvirt から理由は報告されませんでした。</translation>
    </message>
    <message>
        <source>The node&apos;s SSH host key is unknown or has changed. Check it and accept it once with &quot;ssh&quot; in a terminal (it is then in known_hosts), or use qemu+libssh:// so Kumo shows the fingerprint and asks.</source>
        <translation>ノードの SSH ホスト鍵が未知か、変更されています。端末で一度「ssh」を実行して確認・承認してください（known_hosts に登録されます）。または qemu+libssh:// を使うと、Kumo がフィンガープリントを表示して確認します。</translation>
    </message>
    <message>
        <source>ssh needs a password or passphrase and cannot ask for it here. Load your key into ssh-agent (ssh-add) before starting Kumo, or use qemu+libssh:// so Kumo can ask.</source>
        <translation>ssh がパスワードまたはパスフレーズを必要としていますが、ここでは入力を求められません。Kumo を起動する前に鍵を ssh-agent に登録する（ssh-add）か、qemu+libssh:// を使って Kumo から入力できるようにしてください。</translation>
    </message>
    <message>
        <source>The node refused the SSH login: no key it accepts was offered. Load the right key into ssh-agent (ssh-add), or use qemu+libssh:// with a password or a keyfile.</source>
        <translation>ノードが SSH ログインを拒否しました。受け入れられる鍵が提示されていません。正しい鍵を ssh-agent に登録する（ssh-add）か、パスワードまたは keyfile を指定して qemu+libssh:// を使ってください。</translation>
    </message>
    <message>
        <source>No SSH server answers at that address. Check the host name and port in the URI and that sshd runs on the node.</source>
        <translation>そのアドレスで応答する SSH サーバーがありません。URI のホスト名とポート、ノードで sshd が実行されていることを確認してください。</translation>
    </message>
</context>
</TS>
