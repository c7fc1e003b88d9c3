// @vitest-environment node
import { locate, splitPath } from './yamlLocation';
import { brokenProblem, brokenVnfd } from '../testing/fixtures';

describe('splitPath', () => {
  it('reads dotted, bracketed, JSON-pointer and $-rooted paths alike', () => {
    expect(splitPath('a.b[2].c')).toEqual(['a', 'b', '2', 'c']);
    expect(splitPath('/a/b/2/c')).toEqual(['a', 'b', '2', 'c']);
    expect(splitPath('$.a.b')).toEqual(['a', 'b']);
    expect(splitPath('/a~1b/c')).toEqual(['a/b', 'c']);
  });
});

describe('locate', () => {
  it('finds the line and column of the field a problem names', () => {
    const where = locate(brokenVnfd, brokenProblem.path)!;
    const line = brokenVnfd.split('\n')[where.line - 1];
    expect(line.trim()).toBe('num_virtual_cpu: three');
    expect(where.column).toBe(line.indexOf('num_virtual_cpu') + 1);
    expect(where.missing).toEqual([]);
  });

  it('points at the deepest existing parent when the named field is missing', () => {
    const where = locate(brokenVnfd, 'topology_template.node_templates.fw_vdu.properties.sw_image_data')!;
    expect(brokenVnfd.split('\n')[where.line - 1].trim()).toBe('properties:');
    expect(where.missing).toEqual(['sw_image_data']);
  });

  it('matches keys that contain dots, as the mano.* EPA keys do', () => {
    const where = locate(brokenVnfd, 'topology_template.node_templates.fw_vdu.capabilities.virtual_compute.properties.virtual_cpu.vdu_cpu_requirements.mano.pmd_lcores')!;
    expect(brokenVnfd.split('\n')[where.line - 1].trim()).toBe('mano.pmd_lcores: "2"');
    expect(where.missing).toEqual([]);
  });

  it('walks sequences by index', () => {
    const where = locate(brokenVnfd, 'topology_template.policies[0].scaling.type')!;
    expect(brokenVnfd.split('\n')[where.line - 1].trim()).toBe('type: tosca.policies.nfv.ScalingAspects');
  });

  it('gives up on text that is not YAML', () => {
    expect(locate('a: [unclosed', 'a')).toBeUndefined();
  });
});
