// 简体中文：文档大纲（大纲视图、导航栏、转到符号）中文件本身没有给出名称时使用的词。
import type { editorOutlineEn } from './editor-outline.en.ts';

export const editorOutlineZh: Record<keyof typeof editorOutlineEn, string> = {
  'outline.unnamedSection': '（未命名阶段）',
  'outline.title': '标题',
  'outline.unnamedEndpoint': '端点',
  'outline.noFlags': '（无标志位）',
};
