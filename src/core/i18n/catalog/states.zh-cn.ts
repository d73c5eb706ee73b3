// 简体中文：TCP 各状态的解释（悬停提示、补全说明、状态栏）。状态名保持 RFC 和教材的写法，不翻译。
// 术语见 l10n/GLOSSARY.md。
import type { statesEn } from './states.en.ts';

export const statesZh: Record<keyof typeof statesEn, string> = {
  'states.label.waitsFor': '等待：',
  'states.label.entered': '进入方式：',
  'states.heading': '**{state}** — {summary}',

  'states.CLOSED.summary': '根本没有连接：不存在传输控制块 TCB（RFC 9293 称之为“虚构的”状态）。',
  'states.CLOSED.waitsFor': '不等待任何东西。主动打开时发送 SYN（-> SYN_SENT）；`listen` 是被动打开（-> LISTEN）。在此状态收到的报文段以 RST 作答。',
  'states.CLOSED.entered': '一开始就是 CLOSED；或 LAST_ACK 的 FIN 被确认之后、TIME_WAIT 等满 2MSL 之后、连接被复位之后。',

  'states.LISTEN.summary': '服务器等待任何远端 TCP 发来的连接请求（SYN）。',
  'states.LISTEN.waitsFor': '一个 SYN：记下对方的初始序号（IRS），回复 SYN+ACK，进入 SYN_RECEIVED。收到 RST 则忽略；收到带 ACK 的报文段以 RST 作答。',
  'states.LISTEN.entered': '被动打开（`endpoint 名称 LISTEN` 或 `名称 listen`）。',

  'states.SYN_SENT.summary': '已发送自己的 SYN（主动打开），等待与之对应的 SYN+ACK。',
  'states.SYN_SENT.waitsFor': '确认了自己 SYN 的 SYN+ACK（确认号 ack = ISS+1）：发出三次握手的最后一个 ACK 后 -> ESTABLISHED。只收到 SYN（不带 ACK）说明双方同时打开 -> SYN_RECEIVED。收到确认号可接受的 RST 表示“连接被拒绝” -> CLOSED。',
  'states.SYN_SENT.entered': '在 CLOSED（或 LISTEN）状态发送 SYN。',

  'states.SYN_RECEIVED.summary': '已收到对方的 SYN，并已发送（或即将发送）自己的 SYN+ACK。',
  'states.SYN_RECEIVED.waitsFor': '对自己 SYN 的确认（确认号 ack = ISS+1），握手由此完成 -> ESTABLISHED。收到 RST 则回到 LISTEN（若从 LISTEN 而来）或 CLOSED。',
  'states.SYN_RECEIVED.entered': '在 LISTEN 状态收到 SYN，或在 SYN_SENT 状态收到 SYN（同时打开）。',

  'states.ESTABLISHED.summary': '连接已建立：双方都知道对方的序号，数据可以双向传输。',
  'states.ESTABLISHED.waitsFor': '数据和确认。本地应用关闭时发送 FIN -> FIN_WAIT_1；收到对方的 FIN 时确认它 -> CLOSE_WAIT。',
  'states.ESTABLISHED.entered': '三次握手完成（SYN 被确认）时。',

  'states.FIN_WAIT_1.summary': '本地应用已关闭：已发送自己的 FIN，等待对这个 FIN 的确认。',
  'states.FIN_WAIT_1.waitsFor': '对自己 FIN 的确认 -> FIN_WAIT_2。若对方的 FIN 先到（双方同时关闭）-> CLOSING；若对方的 FIN 同时确认了自己的 FIN，则直接 -> TIME_WAIT。此时仍可接收数据。',
  'states.FIN_WAIT_1.entered': '在 ESTABLISHED（或 SYN_RECEIVED）状态发送 FIN。',

  'states.FIN_WAIT_2.summary': '自己的 FIN 已被确认，等待对方关闭它那一半连接。',
  'states.FIN_WAIT_2.waitsFor': '对方的 FIN -> TIME_WAIT（确认该 FIN 之后）。在此之前连接处于半关闭：对方仍可发送数据，本端照常接收并确认。',
  'states.FIN_WAIT_2.entered': '在 FIN_WAIT_1 状态收到对自己 FIN 的确认时。',

  'states.CLOSE_WAIT.summary': '对方已关闭（它的 FIN 已到达并被确认），等待本地应用关闭。',
  'states.CLOSE_WAIT.waitsFor': '本地关闭：发送自己的 FIN -> LAST_ACK。在此之前仍可向对方发送数据（半关闭连接）。',
  'states.CLOSE_WAIT.entered': '在 ESTABLISHED（或 SYN_RECEIVED）状态收到对方的 FIN。',

  'states.CLOSING.summary': '双方同时关闭：已发送自己的 FIN，也收到了对方的 FIN，但自己的 FIN 还未被确认。',
  'states.CLOSING.waitsFor': '对自己 FIN 的确认 -> TIME_WAIT。',
  'states.CLOSING.entered': '在 FIN_WAIT_1 状态、自己的 FIN 被确认之前收到对方的 FIN（同时关闭）。',

  'states.LAST_ACK.summary': '在对方之后关闭：已发送自己的 FIN，等待最后一个 ACK，即对这个 FIN 的确认。',
  'states.LAST_ACK.waitsFor': '对自己 FIN 的确认 -> CLOSED（删除 TCB）。若这个 ACK 丢失，就重传 FIN。',
  'states.LAST_ACK.entered': '在 CLOSE_WAIT 状态发送自己的 FIN。',

  'states.TIME_WAIT.summary': '双方的 FIN 都已发送并被确认；再等待 2MSL（最长报文段寿命的两倍）才释放连接。',
  'states.TIME_WAIT.waitsFor': '2MSL 计时结束（`wait 2MSL`）-> CLOSED。这段等待让本端在最后一个 ACK 丢失时能重传它（对方会重传 FIN），并让本连接残留在网络中的旧的重复报文段消失，之后同一对端口才能再次使用。',
  'states.TIME_WAIT.entered': '在 FIN_WAIT_2 状态确认对方的 FIN；或在 CLOSING（或已收到对方 FIN 的 FIN_WAIT_1）状态自己的 FIN 被确认时。',
};
