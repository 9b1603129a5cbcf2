package org.skillgraph.cli; public class SkillgraphCommand { public static void main(String[] a){} }
