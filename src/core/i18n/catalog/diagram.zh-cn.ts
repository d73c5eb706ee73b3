// 简体中文：时序图中的固定文字（Mermaid 文本、预览、导出）。术语见 l10n/GLOSSARY.md。
import type { diagramEn } from './diagram.en.ts';

export const diagramZh: Record<keyof typeof diagramEn, string> = {
  'diagram.untitled': 'TCP 报文段序列',
  'diagram.sends': '发出 {id}（{flags}）⇢',
  'diagram.neverDelivered': '（始终没有交付）',
  'diagram.oldDuplicate': '旧的重复报文段',
  'diagram.crash': '主机崩溃：连接被遗忘',
  'diagram.unnamedSection': '（阶段）',
  'diagram.noFlags': '（没有标志）',
  'diagram.truncated': '预览只画出前 {drawn} 个报文段；从第 {line} 行起的其余 {rest} 个报文段已检查，但没有画出。',
  'diagram.kind.delivered': '已交付',
  'diagram.kind.lost': '丢失',
  'diagram.kind.late': '在途，稍后交付',
  'diagram.kind.inFlight': '在途，始终没有交付',
  'diagram.kind.old': '来自早先连接的旧的重复报文段',
};
