import { LabIcon } from '@jupyterlab/ui-components';

import vistaSvgstr from '../style/icons/vista.svg';

/** The Vista icon: a magnifying glass over a bar chart (two theme colours, told apart from chat icons). */
export const vistaIcon = new LabIcon({
  name: 'vista-jupyter:vista',
  svgstr: vistaSvgstr
});
