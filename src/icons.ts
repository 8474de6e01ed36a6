import { LabIcon } from '@jupyterlab/ui-components';

import vistaSvgstr from '../style/icons/vista.svg';

/** The Vista icon: a speech bubble holding a bar chart. */
export const vistaIcon = new LabIcon({
  name: 'vista-jupyter:vista',
  svgstr: vistaSvgstr
});
